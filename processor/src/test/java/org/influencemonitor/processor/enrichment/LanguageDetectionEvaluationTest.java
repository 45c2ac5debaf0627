package org.influencemonitor.processor.enrichment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.influencemonitor.language.LanguageDetector;
import org.influencemonitor.processor.tagging.TaggerEvaluation;
import org.junit.jupiter.api.Test;

class LanguageDetectionEvaluationTest {
    @Test
    void detectionFindsTheLabelledLanguageOfTheEvaluationSet() {
        LanguageDetectionEvaluation.Report r = LanguageDetectionEvaluation.evaluate(LanguageDetector.defaults(),
                TaggerEvaluation.bundledSet());
        System.out.print(r.format());
        assertTrue(r.total() >= 400, "articles " + r.total());
        assertTrue(r.accuracy() >= 0.97, "accuracy " + r.accuracy());
        r.perLanguage().forEach((language, c) ->
                assertTrue(c[0] >= 0.9 * c[1], language + ": " + c[0] + "/" + c[1]));
    }
}
