package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.influencemonitor.model.ActorKind;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;

class TaggerTest {
    private final Tagger tagger = Tagger.defaults();

    @Test
    void offsetsIndexTitlePlusTwoNewlinesPlusText() {
        Tags tags = tagger.tag("Moldova votes", "Voters in Chișinău queued.");
        assertEquals(List.of(
                new Tags.Match("country", "MD", 0, 7, "Moldova"),
                new Tags.Match("election_term", "vote", 8, 13, "votes"),
                new Tags.Match("election_term", "voter", 15, 21, "Voters"),
                new Tags.Match("country", "MD", 25, 33, "Chișinău")), tags.matches());
        assertEquals(List.of(new Tags.CountryTag("MD", "Moldova", 2)), tags.countries());
        assertEquals(List.of(new Tags.TermTag("vote", 1), new Tags.TermTag("voter", 1)), tags.electionTerms());
    }

    @Test
    void nullsAreEmpty() {
        assertEquals(Tags.empty(), tagger.tag(null, null));
        Tags t = tagger.tag(null, "Russia");
        assertEquals(List.of(new Tags.Match("country", "RU", 2, 8, "Russia")), t.matches());
    }

    @Test
    void matchTextIsTheExactOriginalSubstringEvenAcrossFoldedChars() {
        String title = "Straße";
        String text = "ﬁne: Türkiye’s  ELECTIONS and the Bundestagswahl in Köln";
        Tags t = tagger.tag(title, text);
        String doc = title + "\n\n" + text;
        for (Tags.Match m : t.matches()) {
            assertEquals(doc.substring(m.start(), m.end()), m.text());
        }
        assertEquals(List.of("TR"), codes(t));
        assertTrue(t.matches().contains(new Tags.Match("country", "TR", 13, 20, "Türkiye")));
        assertTrue(t.matches().contains(new Tags.Match("election_term", "election", 24, 33, "ELECTIONS")));
    }

    @Test
    void aggregatesSortByMentionsThenId() {
        Tags t = tagger.tag("", "Ukraine, Russia, Russia, Belarus, Ukraine, Russia, Armenia");
        assertEquals(List.of(new Tags.CountryTag("RU", "Russia", 3), new Tags.CountryTag("UA", "Ukraine", 2),
                new Tags.CountryTag("AM", "Armenia", 1), new Tags.CountryTag("BY", "Belarus", 1)), t.countries());
    }

    @Test
    void actorMentionsDoNotImplyCountries() {
        Tags t = tagger.tag("", "The FSB and the Kremlin, said TASS.");
        assertEquals(List.of(), t.countries());
        assertEquals(List.of(
                new Tags.ActorTag("fsb", "FSB", "RU", ActorKind.INTELLIGENCE, 1),
                new Tags.ActorTag("kremlin", "Kremlin", "RU", ActorKind.GOVERNMENT, 1),
                new Tags.ActorTag("tass", "TASS", "RU", ActorKind.STATE_MEDIA, 1)), t.actors());
    }

    @Test
    void compoundActorMentionWinsOverItsDemonym() {
        Tags t = tagger.tag("", "Iranian intelligence services and Russian state media spread it.");
        assertEquals(List.of(), t.countries());
        assertEquals(List.of("ir_intelligence", "ru_state_media"), actorIds(t));
        assertEquals(new Tags.Match("actor", "ir_intelligence", 2, 31, "Iranian intelligence services"), t.matches().get(0));
    }

    @Test
    void longestMatchWins() {
        Tags t = tagger.tag("", "South Sudan and Sudan; Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea.");
        assertEquals(List.of("GN", "GQ", "GW", "PG", "SD", "SS"), codes(t));
        assertEquals(new Tags.Match("country", "SS", 2, 13, "South Sudan"), t.matches().get(0));
    }

    @Test
    void wordBoundariesInLatinAndCyrillic() {
        assertEquals(List.of(), codes(tagger.tag("", "A woman from Tirana-ish Romans; Omani")).subList(0, 0));
        assertEquals(List.of("OM"), codes(tagger.tag("", "A woman and an Omani diplomat")));
        // "Иранский" is not the name "Иран", but "Ирана" is its genitive
        Tags t = tagger.tag("", "Посол Ирана и Китая");
        assertEquals(List.of("CN", "IR"), codes(t));
        assertEquals(List.of(), codes(tagger.tag("", "Чадо и Иранство")));
    }

    @Test
    void russianInflectionsAndTerms() {
        Tags t = tagger.tag("Выборы в России", "На выборах ЦИК сообщил о вбросе бюллетеней; ФСБ.");
        assertEquals(List.of(new Tags.CountryTag("RU", "Russia", 1)), t.countries());
        assertEquals(List.of(new Tags.TermTag("election", 2), new Tags.TermTag("ballot", 1),
                new Tags.TermTag("electoral commission", 1)), t.electionTerms());
        assertEquals(List.of(new Tags.NarrativeTag("election_fraud_claim", 1)), t.narratives());
    }

    @Test
    void sixLanguagesOfElectionTerms() {
        for (String s : List.of("Les élections législatives", "Die Bundestagswahl 2025", "Las elecciones generales",
                "As eleições presidenciais", "The election", "Выборы президента")) {
            Tags t = tagger.tag(s, "");
            assertEquals("election", t.electionTerms().get(0).term(), s);
        }
    }

    @Test
    void militaryCampaignIsNotAnElectionTerm() {
        assertEquals(List.of(), tagger.tag("", "The military campaign in the east continued.").electionTerms());
        assertEquals(List.of(new Tags.TermTag("election campaign", 1)),
                tagger.tag("", "The election campaign in the east continued.").electionTerms());
    }

    @Test
    void fraudNarrativeInSixLanguages() {
        for (String s : List.of("the election was rigged", "fraude électorale massive", "Vorwürfe von Wahlbetrug",
                "denuncian fraude electoral", "alegações de fraude eleitoral", "фальсификации на выборах")) {
            assertEquals(List.of(new Tags.NarrativeTag("election_fraud_claim", 1)), tagger.tag("", s).narratives(), s);
        }
        assertEquals(List.of(), tagger.tag("", "a fair and free vote").narratives());
    }

    @Test
    void sourceActorByDomainSubdomainAndMirror() {
        assertEquals("rt", tagger.sourceActor("https://francais.rt.com/international/1", null).orElseThrow().id());
        assertEquals("sputnik", tagger.sourceActor("https://sputnikglobe.com/20240101/x.html", "").orElseThrow().id());
        assertEquals("tass", tagger.sourceActor("https://tass.ru/politika/1", null).orElseThrow().id());
        assertEquals("xinhua", tagger.sourceActor("http://www.news.cn/world/x.htm", null).orElseThrow().id());
        Tags.ActorTag presstv = tagger.sourceActor("presstv.ir/Detail/2024", null).orElseThrow();
        assertEquals(new Tags.ActorTag("presstv", "Press TV", "IR", ActorKind.STATE_MEDIA, 1), presstv);
        assertTrue(tagger.sourceActor("https://www.art.com/rt.com", "Art").isEmpty());
        assertTrue(tagger.sourceActor("https://www.bbc.co.uk/news", "BBC").isEmpty());
        assertEquals("global_times", tagger.sourceActor("not a url", "Global Times").orElseThrow().id());
        assertTrue(tagger.sourceActor(null, null).isEmpty());
    }

    static List<String> codes(Tags t) {
        return t.countries().stream().map(Tags.CountryTag::code).sorted().toList();
    }

    static List<String> actorIds(Tags t) {
        return t.actors().stream().map(Tags.ActorTag::id).sorted().toList();
    }
}
