package org.influencemonitor.processor.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.influencemonitor.model.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags an article with the countries, state-linked actors, election terms and narratives it
 * mentions, in one pass of a {@link TermAutomaton} over the folded text. Immutable and thread-safe:
 * build it once and share it. See docs/tagger.md for the dictionaries and the ambiguity rules.
 */
public final class Tagger {
    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);
    static final String SEPARATOR = "\n\n";
    private static volatile Tagger defaults;
    /** Working buffers of {@link #tag}, one set per thread; documents above this many chars get their own. */
    private static final ThreadLocal<TermAutomaton.Scratch> SCRATCH = ThreadLocal.withInitial(TermAutomaton.Scratch::new);
    private static final int MAX_CACHED_SCRATCH = 1 << 20;

    private final DictionaryEntry[] entries;
    /** One automaton per {@link ScriptGroup} that has terms (null otherwise); Latin first. */
    private final TermAutomaton[] automata;
    private final StateMediaRegistry stateMedia;
    private final ActorDictionary actors;
    private final TagAggregator aggregator;
    private final WordBoundaries boundaries;
    /** Cue set name -> slot in the per-document cue counts; {@code cueSlot[payload]} is that slot for cue entries, else -1. */
    private final Map<String, Integer> cueIndex;
    private final int[] cueSlot;
    private final Map<String, String> countryNames;

    private Tagger(Path overrideDir) {
        CountryDictionary countries = CountryDictionary.load(overrideDir);
        Map<String, String> names = new HashMap<>();
        CountryDictionary.codes().forEach(cc -> names.put(cc, countries.englishName(cc)));
        this.countryNames = Map.copyOf(names);
        this.actors = ActorDictionary.load(overrideDir, countryNames);
        this.stateMedia = StateMediaRegistry.load(overrideDir, actors);
        List<DictionaryEntry> all = new ArrayList<>(countries.entries());
        all.addAll(actors.entries());
        all.addAll(PhraseDictionary.electionTerms(overrideDir));
        all.addAll(PhraseDictionary.narratives(overrideDir));
        all.addAll(PhraseDictionary.cues(overrideDir));
        all.addAll(PhraseDictionary.ignored(overrideDir));
        this.entries = all.toArray(new DictionaryEntry[0]);
        this.boundaries = new WordBoundaries(Clitics.load(overrideDir));
        TermAutomaton.Builder[] builders = new TermAutomaton.Builder[ScriptGroup.COUNT];
        for (int i = 0; i < entries.length; i++) {
            for (String pattern : Clitics.patterns(entries[i].folded())) {
                int g = ScriptGroup.ofTerm(pattern);
                if (builders[g] == null) {
                    builders[g] = TermAutomaton.builder();
                }
                builders[g].add(pattern, i);
            }
        }
        this.automata = new TermAutomaton[ScriptGroup.COUNT];
        for (int g = 0; g < builders.length; g++) {
            automata[g] = builders[g] == null ? null : builders[g].build();
        }
        Map<String, Integer> cueIds = new HashMap<>();
        this.cueSlot = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            cueSlot[i] = entries[i].type() == EntryType.CUE
                    ? cueIds.computeIfAbsent(entries[i].id(), k -> cueIds.size()) : -1;
        }
        this.cueIndex = Map.copyOf(cueIds);
        this.aggregator = new TagAggregator(countries, actors);
        LOG.debug("tagger ready: {} surface forms, {}", entries.length, java.util.Arrays.toString(automata));
    }

    /** The bundled dictionaries; built once per JVM, since a Tagger is immutable. */
    public static Tagger defaults() {
        Tagger t = defaults;
        if (t == null) {
            synchronized (Tagger.class) {
                t = defaults;
                if (t == null) {
                    t = new Tagger(null);
                    defaults = t;
                }
            }
        }
        return t;
    }

    /**
     * The bundled dictionaries merged with the files of the same names in {@code dir}: new entries
     * are added, an entry with the same key replaces the bundled one.
     *
     * @throws IllegalArgumentException if {@code dir} is missing or a line is malformed (the
     *                                  message names the file and line)
     */
    public static Tagger withOverrides(Path dir) {
        return new Tagger(DictionaryFile.requireDirectory(dir));
    }

    /** Tags an article whose language is unknown: lines restricted to a language ({@code lang=}) stay out. */
    public Tags tag(String title, String text) {
        return tag(title, text, null);
    }

    /**
     * Tags an article written in {@code language} (ISO 639-1, "pt-BR" and "pt" alike; null or blank if
     * unknown): lines restricted to other languages ({@code lang=} in the files) are left out, and with
     * an unknown language every restricted line is.
     */
    public Tags tag(String title, String text, String language) {
        String document = (title == null ? "" : title) + SEPARATOR + (text == null ? "" : text);
        int titleLength = title == null ? 0 : title.length();
        TermAutomaton.Scratch scratch = document.length() <= MAX_CACHED_SCRATCH ? SCRATCH.get() : new TermAutomaton.Scratch();
        TermAutomaton.fold(document, scratch);
        HitCollector hits = new HitCollector(document, scratch, entries, cueSlot, cueIndex.size(), boundaries,
                LanguageCode.normalize(language));
        for (int g = 0; g < automata.length; g++) {
            // Latin (with digits and punctuation) is always scanned; another script only if the text has its letters.
            if (automata[g] != null && (g == ScriptGroup.LATIN || (scratch.groups & (1 << g)) != 0)) {
                automata[g].scanFolded(scratch);
                automata[g].replay(scratch, hits);
            }
        }
        DocumentContext ctx = new DocumentContext(document, titleLength, cueIndex, hits.cues, hits.cuePositions(), hits.entities);
        List<Candidate> accepted = new ArrayList<>(hits.entities.size());
        for (Candidate c : hits.entities) {
            if (AmbiguityRules.accept(c, ctx)) {
                accepted.add(c);
            }
        }
        List<Candidate> narratives = new ArrayList<>(hits.narratives.size());
        for (Candidate c : hits.narratives) {
            if (AmbiguityRules.accept(c, ctx)) {
                narratives.add(c);
            }
        }
        return aggregator.aggregate(document, MatchResolver.resolve(accepted), MatchResolver.resolve(narratives));
    }

    /** The English name of the country with ISO 3166-1 alpha-2 {@code code}, if the dictionaries know it. */
    public Optional<String> countryName(String code) {
        return Optional.ofNullable(countryNames.get(code));
    }

    public Optional<Tags.ActorTag> sourceActor(String url, String source) {
        return stateMedia.lookup(url, source).map(a -> new Tags.ActorTag(a.id(), a.name(), a.country(), a.kind(), 1));
    }

    /** The automaton of the Latin group (with digits and punctuation): the one every document is scanned with. */
    TermAutomaton automaton() {
        return automata[ScriptGroup.LATIN];
    }

    /** The automata of every script group that has terms, for memory reports. */
    List<TermAutomaton> automata() {
        List<TermAutomaton> out = new ArrayList<>();
        for (TermAutomaton a : automata) {
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    List<DictionaryEntry> entries() {
        return List.of(entries);
    }

    /** Applies word boundaries, inflection prefixes and case rules to raw automaton hits. */
    private static final class HitCollector implements TermAutomaton.Sink {
        private final char[] chars;
        private final int[] origStart;
        private final int length;
        private final String original;
        private final DictionaryEntry[] entries;
        private final int[] cueSlot;
        private final WordBoundaries boundaries;
        private final String language;
        final List<Candidate> entities = new ArrayList<>();
        final List<Candidate> narratives = new ArrayList<>();
        final int[] cues;
        /** (slot, original start) of every cue hit, in pairs, for rules that look within a sentence. */
        private int[] cueAt = new int[16];
        private int cueHits;

        HitCollector(String original, TermAutomaton.Scratch scratch, DictionaryEntry[] entries, int[] cueSlot, int cueSets,
                     WordBoundaries boundaries, String language) {
            this.boundaries = boundaries;
            this.language = language;
            this.chars = scratch.folded;
            this.origStart = scratch.origStart;
            this.length = scratch.foldedLength;
            this.original = original;
            this.entries = entries;
            this.cueSlot = cueSlot;
            this.cues = new int[cueSets];
        }

        @Override
        public void hit(int payload, int start, int end) {
            DictionaryEntry e = entries[payload];
            if (!e.appliesTo(language) || !boundaries.startOk(chars, start)) {
                return;
            }
            if (e.prefix()) {
                end = boundaries.endOfWord(chars, end, length);
            } else if (!boundaries.endOk(chars, end, length)) {
                return;
            }
            // Every folded char but a collapsed space comes from exactly one UTF-16 unit, and matches
            // never end on a space: the original span is [origStart[start], origStart[end - 1] + 1).
            int os = origStart[start];
            int oe = origStart[end - 1] + 1;
            if (!caseAgrees(e, os, oe)) {
                return;
            }
            switch (e.type()) {
                case CUE -> {
                    cues[cueSlot[payload]]++;
                    recordCue(cueSlot[payload], os);
                }
                case NARRATIVE -> narratives.add(new Candidate(e, start, end, os, oe));
                default -> entities.add(new Candidate(e, start, end, os, oe));
            }
        }

        private void recordCue(int slot, int start) {
            if (2 * cueHits + 2 > cueAt.length) {
                cueAt = java.util.Arrays.copyOf(cueAt, cueAt.length * 2);
            }
            cueAt[2 * cueHits] = slot;
            cueAt[2 * cueHits + 1] = start;
            cueHits++;
        }

        int[] cuePositions() {
            return java.util.Arrays.copyOf(cueAt, 2 * cueHits);
        }

        /**
         * Scripts that mark proper names with a capital. Georgian has capitals (Mtavruli) but does not
         * use them for names; Arabic, Hebrew, Han and the rest have none: there an {@code initial}
         * surface matches in any case.
         */
        private static final boolean[] CAPITALISES = new boolean[65536];

        static {
            for (int i = 0; i < 65536; i++) {
                Character.UnicodeScript script = Character.UnicodeScript.of(i);
                CAPITALISES[i] = script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                        || script == Character.UnicodeScript.GREEK || script == Character.UnicodeScript.ARMENIAN;
            }
        }

        private boolean caseAgrees(DictionaryEntry e, int start, int end) {
            switch (e.caseRule()) {
                case ANY:
                    return true;
                case INITIAL: {
                    char first = original.charAt(start);
                    return !Character.isLetter(first) || Character.isUpperCase(first) || Character.isTitleCase(first)
                            || !CAPITALISES[first];
                }
                default: {
                    String s = e.surface();
                    if (e.prefix()) {
                        return original.startsWith(s, start);
                    }
                    return end - start == s.length() && original.startsWith(s, start);
                }
            }
        }
    }
}
