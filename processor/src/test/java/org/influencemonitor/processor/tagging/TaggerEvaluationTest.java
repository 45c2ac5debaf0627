package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Issue 13's bar, per language: countries F1 and election and narrative accuracy at least 0.95. */
    @Test
    void everyLanguageMeetsTheQualityBar() {
        TaggerEvaluation.Report report = TaggerEvaluation.evaluate(Tagger.defaults(), TaggerEvaluation.bundledSet());
        assertTrue(report.languages().size() >= 23, "languages " + report.languages().size());
        for (TaggerEvaluation.LanguageScore l : report.languages()) {
            assertTrue(l.articles() >= 10, l.language() + ": " + l.articles() + " articles");
            assertTrue(l.countries().f1() >= 0.95, l.language() + " countries F1 " + l.countries().f1());
            assertTrue(l.election().value() >= 0.95, l.language() + " election accuracy " + l.election().value());
            assertTrue(l.narratives().value() >= 0.95, l.language() + " narrative accuracy " + l.narratives().value());
        }
    }

    /** Every language's cases include traps: articles with neither an election nor a fraud claim. */
    @Test
    void everyLanguageHasTrapsAndFraudClaims() {
        Map<String, int[]> counts = new TreeMap<>();
        for (TaggerEvaluation.Article a : TaggerEvaluation.bundledSet()) {
            int[] c = counts.computeIfAbsent(a.language(), k -> new int[2]);
            c[0] += !a.election() && a.narratives().isEmpty() ? 1 : 0;
            c[1] += a.narratives().contains("election_fraud_claim") ? 1 : 0;
        }
        counts.forEach((language, c) -> {
            assertTrue(c[0] >= 2, language + ": " + c[0] + " articles without election or claim");
            assertTrue(c[1] >= 1, language + ": no fraud claim");
        });
    }

    @Test
    void bundledSetCoversTwentyThreeLanguagesAndAtLeast400Articles() {
        List<TaggerEvaluation.Article> set = TaggerEvaluation.bundledSet();
        assertTrue(set.size() >= 400, "size " + set.size());
        Set<String> languages = new HashSet<>();
        Set<String> ids = new HashSet<>();
        set.forEach(a -> {
            languages.add(a.language());
            assertTrue(ids.add(a.id()), "duplicate id " + a.id());
        });
        assertEquals(Set.of("en", "fr", "de", "es", "pt", "ru", "ro", "uk", "pl", "cs", "sk", "hu", "bg", "ka", "tr",
                "ar", "fa", "he", "zh", "ja", "ko", "id", "hi"), languages);
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
