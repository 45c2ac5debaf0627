package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.influencemonitor.app.scenario.ArticleScenario.Country;
import org.influencemonitor.app.scenario.ArticleScenario.Flavour;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import org.influencemonitor.processor.enrichment.TargetCountries;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;

/**
 * The generator is only as good as its articles: every template, for every country, must be tagged by the
 * real tagger for exactly that one country, be relevant, and carry the fraud claim and the state link it
 * was written with. And the file must be a valid, time-ordered replay with unique article ids.
 */
class ArticleScenarioTest {
    private static final ArticleEnricher ENRICHER = new ArticleEnricher(Tagger.defaults());

    @Test
    void everyTemplateIsTaggedForExactlyItsCountryWithTheIntendedNarrativeAndStateLink() {
        List<String> problems = new ArrayList<>();
        for (Flavour flavour : Flavour.values()) {
            List<ArticleScenario.Outlet> outlets = ArticleScenario.fromStateOutlet(flavour)
                    ? ArticleScenario.STATE_OUTLETS : ArticleScenario.OUTLETS;
            for (Country c : ArticleScenario.DOZEN) {
                for (String[] t : ArticleScenario.templates(flavour)) {
                    for (ArticleScenario.Outlet outlet : outlets) {
                        Article a = new Article(1, "x", "https://www." + outlet.domain() + "/world/x", outlet.name(),
                                ArticleScenario.fill(t[0], c), ArticleScenario.fill(t[1], c), "en",
                                Instant.parse("2026-08-03T10:00:00Z"), Instant.parse("2026-08-03T10:00:00Z"));
                        String problem = check(ENRICHER.enrich(a), c.code(), flavour);
                        if (problem != null) {
                            problems.add(flavour + " " + c.code() + " via " + outlet.domain() + ": " + problem
                                    + "\n    " + a.title() + " | " + a.text());
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " templates tag wrongly:\n" + String.join("\n", problems));
    }

    static String check(EnrichedArticle e, String country, Flavour flavour) {
        List<String> targets = TargetCountries.of(e).stream().map(t -> t.code()).toList();
        if (!targets.equals(List.of(country))) {
            return "targets " + targets + " (countries " + e.tags().countries() + ")";
        }
        if (!e.relevant()) {
            return "not relevant";
        }
        if (e.tags().electionTerms().isEmpty()) {
            return "no election term";
        }
        boolean fraud = e.tags().narratives().stream().anyMatch(n -> n.id().equals(MonitorTopology.FRAUD_CLAIM));
        boolean wantFraud = flavour == Flavour.FRAUD || flavour == Flavour.STATE_OUTLET_FRAUD
                || flavour == Flavour.SURGE_NARRATIVE;
        if (fraud != wantFraud) {
            return "fraud claim " + fraud + ", narratives " + e.tags().narratives();
        }
        boolean sourceActor = e.sourceActor() != null;
        if (sourceActor != ArticleScenario.fromStateOutlet(flavour)) {
            return "source actor " + e.sourceActor();
        }
        boolean actors = !e.tags().actors().isEmpty();
        boolean wantActors = flavour == Flavour.ACTOR;
        if (!ArticleScenario.fromStateOutlet(flavour) && actors != wantActors) {
            return "actors " + e.tags().actors();
        }
        return null;
    }

    @Test
    void theReplayIsTimeOrderedParsesAndHasUniqueIdsAndTheSurgesComeAfterTheWarmUp() {
        ArticleScenario.Scenario s = ArticleScenario.threeWeeks(SurgeReplayTest.SEED);
        ArticleLineParser parser = new ArticleLineParser(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        Map<Flavour, Integer> flavours = new TreeMap<>();
        for (ArticleScenario.Item item : s.items()) {
            ArticleLineParser.Parsed parsed = parser.parse(item.line());
            assertFalse(parsed.isRejected(), item.line() + ": " + parsed.rejection());
            assertTrue(ids.add(parsed.article().id()), "duplicate id for " + item.url());
            assertEquals(item.publishedAt(), parsed.article().publishedAt());
            assertFalse(item.publishedAt().isBefore(previous), "time-ordered");
            previous = item.publishedAt();
            flavours.merge(item.flavour(), 1, Integer::sum);
        }
        assertEquals(7, s.surges().size());
        assertTrue(s.surges().stream().allMatch(x -> !x.start().isBefore(s.start().plus(java.time.Duration.ofDays(7)))));
        System.out.printf("three-week scenario, seed %d: %d articles over %d countries, %s%n",
                s.seed(), s.items().size(), s.countries().size(), flavours);
    }
}
