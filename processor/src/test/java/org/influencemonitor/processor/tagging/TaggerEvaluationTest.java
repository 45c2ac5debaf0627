package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaggerEvaluationTest {

    @Test
    void bundledSetMeetsTheQualityBar() {
        List<TaggerEvaluation.Article> set = TaggerEvaluation.bundledSet();
        TaggerEvaluation.Report report = TaggerEvaluation.evaluate(Tagger.defaults(), set);
        System.out.print(report.format());
        assertTrue(report.countries().f1() >= 0.95, "countries F1 " + report.countries().f1());
        assertTrue(report.actors().f1() >= 0.90, "actors F1 " + report.actors().f1());
    }

    @Test
    void bundledSetCoversSixLanguagesAndAtLeast150Articles() {
        List<TaggerEvaluation.Article> set = TaggerEvaluation.bundledSet();
        assertTrue(set.size() >= 150, "size " + set.size());
        Set<String> languages = new HashSet<>();
        Set<String> ids = new HashSet<>();
        set.forEach(a -> {
            languages.add(a.language());
            assertTrue(ids.add(a.id()), "duplicate id " + a.id());
        });
        assertEquals(Set.of("en", "fr", "de", "es", "pt", "ru"), languages);
        assertTrue(set.stream().filter(a -> a.narratives().contains("election_fraud_claim")).count() >= 20);
    }

    @Test
    void metricsCountPerArticleSets() throws Exception {
        String jsonl = """
                {"id":"a","title":"Russia and Chad","text":"","expect":{"countries":["RU","FR"],"actors":[],"election":true,"narratives":[]}}
                {"id":"b","title":"The Kremlin","text":"rigged","expect":{"countries":[],"actors":[["RU","government"]],"election":false,"narratives":["election_fraud_claim"]}}
                """;
        List<TaggerEvaluation.Article> set = TaggerEvaluation.read(new BufferedReader(new StringReader(jsonl)), "inline");
        TaggerEvaluation.Report r = TaggerEvaluation.evaluate(Tagger.defaults(), set);
        assertEquals(new TaggerEvaluation.Metric("countries", 1, 1, 1), r.countries());
        assertEquals(0.5, r.countries().precision(), 1e-9);
        assertEquals(new TaggerEvaluation.Metric("actors", 1, 0, 0), r.actors());
        assertEquals(new TaggerEvaluation.Metric("election", 0, 0, 1), r.election());
        assertEquals(new TaggerEvaluation.Metric("narratives", 1, 0, 0), r.narratives());
        assertEquals(List.of(
                new TaggerEvaluation.Miss("a", "countries", Set.of("FR"), Set.of("TD")),
                new TaggerEvaluation.Miss("a", "election", Set.of("election"), Set.of())), r.misses());
    }
}
