package org.influencemonitor.processor.tagging;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named context rules a dictionary line can ask for with {@code rule=NAME}. A rule sees one
 * candidate in its document and either keeps it (possibly re-pointing its id) or rejects it. They
 * run before longest-match resolution, so a rejected long candidate leaves its span to shorter ones.
 * Cue sets come from {@code context-cues.tsv}; {@code confirm:ID} sets are evidence for entity ID.
 * Every rule is documented with its example in docs/tagger.md.
 */
final class AmbiguityRules {
    interface Rule {
        /** @return false to reject the candidate */
        boolean accept(Candidate c, DocumentContext ctx);
    }

    /** Words that may stand capitalised next to a country name without making it a personal name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "in", "the", "of", "and", "or", "to", "from", "for", "with", "on", "at", "by", "as", "near", "into",
            "across", "about", "against", "between", "via", "after", "before", "while", "but", "if", "when",
            "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "king", "queen", "president", "prime", "minister", "government", "army", "military", "officials",
            "election", "elections", "parliament", "says", "said", "has", "had", "is", "was", "will", "votes",
            "vote", "voters", "held", "holds", "a", "an", "new", "why", "how", "what", "where", "who", "neighbouring",
            "neighboring", "both", "like", "including", "also", "then", "today", "junta", "authorities", "state");
    /** First names that precede a country-named surname in the corpus we care about. */
    private static final Set<String> FIRST_NAMES = Set.of("michael", "vernon", "robert", "bradley", "kevin",
            "denzel", "richard", "george", "booker", "kim", "chris", "stephen", "larry", "eric", "chad");
    private static final Set<String> POLISH_VERB_OBJECTS = Set.of("the", "your", "my", "our", "their", "his",
            "her", "its", "it", "off", "up", "them", "this", "that", "these", "those", "a", "an");
    private static final Set<String> GHOSTWRITER_WORDS = Set.of("a", "an", "his", "her", "their", "my", "your",
            "professional", "hired");
    private static final Set<String> US_CAPS_NEIGHBOURS = Set.of("ELECTION", "ELECTIONS", "PRESIDENT",
            "PRESIDENTIAL", "GOVERNMENT", "MILITARY", "INTELLIGENCE", "OFFICIALS", "SENATE", "CONGRESS", "VOTERS",
            "TROOPS", "SANCTIONS", "ELECTORAL");

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("georgia", AmbiguityRules::georgia),
            Map.entry("given-name", AmbiguityRules::givenName),
            Map.entry("turkey", (c, ctx) -> ctx.cue("turkey-food") <= ctx.cue("confirm:TR")),
            Map.entry("china", (c, ctx) -> ctx.cue("porcelain") <= ctx.cue("confirm:CN")),
            Map.entry("polish", AmbiguityRules::polish),
            Map.entry("congo", (c, ctx) -> {
                c.id = ctx.cue("confirm:CG") > ctx.cue("confirm:CD") ? "CG" : "CD";
                return true;
            }),
            Map.entry("korea", (c, ctx) -> {
                c.id = ctx.cue("confirm:KP") > ctx.cue("confirm:KR") ? "KP" : "KR";
                return true;
            }),
            Map.entry("rt", (c, ctx) -> ctx.nextNonSpace(c.end) != '@'),
            Map.entry("sputnik", (c, ctx) -> ctx.cue("satellite") == 0 || ctx.cue("confirm:sputnik") > 0),
            Map.entry("us-caps", AmbiguityRules::usInCapitals),
            Map.entry("ghostwriter", (c, ctx) -> {
                DocumentContext.Word prev = ctx.previousWord(c.start);
                return prev == null || !GHOSTWRITER_WORDS.contains(prev.lower());
            }),
            Map.entry("wagner", (c, ctx) -> givenName(c, ctx) && ctx.cue("music") <= ctx.cue("confirm:wagner")),
            Map.entry("us-state", (c, ctx) -> true),
            Map.entry("with-election", (c, ctx) -> ctx.electionTermInSentence(c.start)),
            Map.entry("fraud-context", AmbiguityRules::fraudContext));

    private AmbiguityRules() {
    }

    static boolean isKnown(String name) {
        return RULES.containsKey(name);
    }

    static Set<String> names() {
        return new TreeSet<>(RULES.keySet());
    }

    static boolean accept(Candidate c, DocumentContext ctx) {
        String name = c.entry.rule();
        return name == null || RULES.get(name).accept(c, ctx);
    }

    /**
     * Georgia the country unless the document speaks of the US state: US cues (Atlanta, Fulton
     * County, ...) plus other US states outnumber cues for the country (Tbilisi, Georgian Dream, ...).
     */
    private static boolean georgia(Candidate c, DocumentContext ctx) {
        if (!givenName(c, ctx)) {
            return false;
        }
        int us = ctx.cue("georgia-us");
        for (Candidate o : ctx.candidates()) {
            if (o != c && "us-state".equals(o.entry.rule())) {
                us++;
            }
        }
        if (us > ctx.cue("confirm:GE")) {
            c.id = "US";
        }
        return true;
    }

    /**
     * Jordan, Chad, Wagner...: a personal name when a capitalised word that is not sentence-initial
     * stands right before it ("Michael Jordan") or right after it ("Chad Wolf"), unless the document
     * carries a confirming cue (Amman, N'Djamena, Prigozhin). Headline-case titles only trust a short
     * list of first names.
     */
    static boolean givenName(Candidate c, DocumentContext ctx) {
        if (ctx.cue("confirm:" + c.entry.id()) > 0) {
            return true;
        }
        DocumentContext.Word prev = ctx.previousWord(c.start);
        if (prev != null && FIRST_NAMES.contains(prev.lower())) {
            return false;
        }
        if (ctx.inTitle(c) && ctx.titleInHeadlineCase()) {
            return true;
        }
        if (prev != null && prev.capitalised() && !prev.allCaps() && !NOT_NAMES.contains(prev.lower())
                && !ctx.sentenceInitial(prev.start())) {
            return false;
        }
        DocumentContext.Word next = ctx.nextWord(c.end);
        return next == null || !next.capitalised() || next.allCaps() || NOT_NAMES.contains(next.lower())
                || ctx.candidateStartsAt(next.start(), c);
    }

    /**
     * A bare fraud word ("rigged", "rigging") is no election-fraud claim in a sentence about a match or
     * a market ("accused of rigging the match", "wire fraud and rigging currency rates") unless that
     * sentence also names an election.
     */
    private static boolean fraudContext(Candidate c, DocumentContext ctx) {
        boolean offTopic = ctx.cueInSentence("sports", c.start) || ctx.cueInSentence("finance", c.start);
        return !offTopic || ctx.electionTermInSentence(c.start);
    }

    /** "Polish" the adjective, not the verb at the start of a sentence ("Polish the silver"). */
    private static boolean polish(Candidate c, DocumentContext ctx) {
        DocumentContext.Word next = ctx.nextWord(c.end);
        return next == null || !POLISH_VERB_OBJECTS.contains(next.lower());
    }

    /**
     * "US" is only matched in capitals (case rule); in text written all in capitals ("LET US VOTE")
     * it is the pronoun, unless the neighbours make the country plain ("THE US ELECTION").
     */
    private static boolean usInCapitals(Candidate c, DocumentContext ctx) {
        DocumentContext.Word prev = ctx.previousWord(c.start);
        DocumentContext.Word next = ctx.nextWord(c.end);
        boolean shouting = (prev != null && prev.allCaps()) || (next != null && next.allCaps());
        if (!shouting) {
            return true;
        }
        return (prev != null && prev.text().equals("THE")) || (next != null && US_CAPS_NEIGHBOURS.contains(next.text()));
    }
}
