package org.influencemonitor.processor.tagging;

import static org.influencemonitor.processor.tagging.TaggerTest.actorIds;
import static org.influencemonitor.processor.tagging.TaggerTest.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;

/** One test per ambiguity rule of docs/tagger.md, with its example. */
class AmbiguityRulesTest {
    private final Tagger tagger = Tagger.defaults();

    private List<String> countries(String text) {
        return codes(tagger.tag("", text));
    }

    @Test
    void georgiaTheUsStateWithAtlantaContext() {
        Tags t = tagger.tag("Georgia recount", "Officials in Atlanta said the recount in Georgia confirmed the result.");
        assertEquals(List.of(new Tags.CountryTag("US", "United States", 2)), t.countries());
        assertEquals(new Tags.Match("country", "US", 0, 7, "Georgia"), t.matches().get(0));
    }

    @Test
    void georgiaTheCountryWithTbilisiContext() {
        assertEquals(List.of("GE"), countries("Protesters in Tbilisi said Georgia must stay on its European path."));
        assertEquals(List.of("GE"), countries("Georgia holds parliamentary elections on Saturday."));
    }

    @Test
    void jordanAndChadAsFirstNames() {
        assertEquals(List.of(), countries("Former CEO Jordan Belfort and Michael Jordan spoke."));
        assertEquals(List.of(), countries("Acting secretary Chad Wolf testified."));
        assertEquals(List.of("JO", "TD"), countries("Refugees crossed into Jordan and Chad last year."));
        assertEquals(List.of("JO"), countries("Jordan said on Monday that the border stays closed."));
    }

    @Test
    void turkeyTheBirdVersusTurkeyTheCountry() {
        assertEquals(List.of(), countries("We roast a turkey every year."));
        assertEquals(List.of(), countries("Turkey pardoned at the White House ahead of Thanksgiving."));
        assertEquals(List.of("TR"), countries("Turkey and Türkiye are the same country; Ankara prefers Türkiye."));
    }

    @Test
    void polishTheVerbVersusPolishTheAdjective() {
        assertEquals(List.of(), countries("polish the silver before guests arrive."));
        assertEquals(List.of(), countries("Polish the silver before guests arrive."));
        assertEquals(List.of("PL"), countries("The Polish government objected."));
    }

    @Test
    void chinaThePorcelainVersusChina() {
        assertEquals(List.of(), countries("She set out the fine china and the plates."));
        assertEquals(List.of("CN"), countries("China rejected the accusation."));
    }

    @Test
    void nigerVersusNigeria() {
        assertEquals(List.of("NE"), countries("Niger's junta expelled the envoy."));
        assertEquals(List.of("NG"), countries("Nigeria's election commission met."));
        assertEquals(List.of("NE", "NG"), countries("Nigerien and Nigerian officials met."));
        assertEquals(List.of("NG"), countries("Militants in the Niger Delta."));
    }

    @Test
    void theGuineas() {
        assertEquals(List.of("GN"), countries("Guinea held a referendum."));
        assertEquals(List.of("GW"), countries("Guinea-Bissau held a referendum."));
        assertEquals(List.of("GQ"), countries("Equatorial Guinea held a referendum."));
        assertEquals(List.of("PG"), countries("Papua New Guinea held a referendum."));
        assertEquals(List.of(), countries("A guinea pig and the island of New Guinea."));
    }

    @Test
    void dominicaVersusDominicanRepublic() {
        assertEquals(List.of("DO"), countries("The Dominican Republic voted."));
        assertEquals(List.of("DM"), countries("Dominica voted."));
    }

    @Test
    void theTwoCongos() {
        assertEquals(List.of("CD"), countries("The DRC and DR Congo are one; Congo-Kinshasa too."));
        assertEquals(List.of("CG"), countries("Congo-Brazzaville and the Republic of the Congo."));
        assertEquals(List.of("CD"), countries("Fighting in Congo near Goma."));
        Tags t = tagger.tag("", "Voters in Congo queued in Brazzaville.");
        assertEquals(List.of("CG"), codes(t));
    }

    @Test
    void sudanVersusSouthSudan() {
        assertEquals(List.of("SS"), countries("South Sudan postponed the vote."));
        assertEquals(List.of("SD"), countries("Sudan postponed the vote."));
    }

    @Test
    void northVersusSouthKorea() {
        assertEquals(List.of("KP"), countries("North Korea fired a missile."));
        assertEquals(List.of("KR"), countries("South Korea held an election."));
        assertEquals(List.of("KP", "KR"), countries("The DPRK and the ROK."));
    }

    @Test
    void retweetIsNotRt() {
        Tags t = tagger.tag("", "RT @user: the vote was rigged");
        assertEquals(List.of(), t.actors());
        assertEquals(List.of("rt"), actorIds(tagger.tag("", "RT reported that the vote was rigged.")));
    }

    @Test
    void sputnikTheSatelliteIsNotTheOutlet() {
        assertEquals(List.of(), tagger.tag("", "In 1957 the Soviet Union launched Sputnik into orbit.").actors());
        assertEquals(List.of(), tagger.tag("", "Russia's Sputnik V vaccine").actors());
        assertEquals(List.of("sputnik"), actorIds(tagger.tag("", "Sputnik claimed the vote was rigged.")));
    }

    @Test
    void usInCapitalsVersusUs() {
        assertEquals(List.of(), countries("Let us vote and tell us."));
        assertEquals(List.of("US"), countries("The US election."));
        assertEquals(List.of(), countries("LET US VOTE NOW"));
        assertEquals(List.of("US"), countries("THE US ELECTION IS NEAR"));
    }

    @Test
    void withElectionNeedsAnElectionTermInTheSameSentence() {
        assertEquals(List.of("election_fraud_claim"), narratives("Die Opposition sagt, die Wahl sei manipuliert worden.", "de"));
        assertEquals(List.of(), narratives("Die Wahl ist am Sonntag. Das Spiel sei manipuliert worden.", "de"));
    }

    @Test
    void fraudContextKeepsMatchesAndMarketsOut() {
        assertEquals(List.of(), narratives("The referee was accused of rigging the match.", "en"));
        assertEquals(List.of(), narratives("He admitted rigging currency rates.", "en"));
        assertEquals(List.of("election_fraud_claim"), narratives("The referee of the match said the election was rigged.", "en"));
    }

    private List<String> narratives(String text, String language) {
        return tagger.tag(text, "", language).narratives().stream().map(Tags.NarrativeTag::id).toList();
    }
}
