package org.influencemonitor.processor.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.language.LanguageDetector;
import org.influencemonitor.processor.tagging.TaggerEvaluation;

/**
 * How often {@link LanguageDetector} finds the labelled language of the evaluation set's articles
 * from their title and text, as {@link ArticleLanguage} asks it to when an article has none, and what
 * a detection costs. Printed by {@code monitor eval} after the tagger's scores.
 */
public final class LanguageDetectionEvaluation {
    /** {@code correct} of {@code total} articles right per language, the wrong answers, the mean cost. */
    public record Report(int correct, int total, Map<String, int[]> perLanguage, List<String> misses, double microsPerArticle) {
        public double accuracy() {
            return total == 0 ? 1.0 : (double) correct / total;
        }

        public String format() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%nlanguage detection (labelled language hidden): %d/%d = %.3f, %.0f µs per article%n",
                    correct, total, accuracy(), microsPerArticle));
            perLanguage.forEach((language, c) -> {
                if (c[0] != c[1]) {
                    b.append(String.format(Locale.ROOT, "  %-8s %d/%d%n", language, c[0], c[1]));
                }
            });
            misses.forEach(m -> b.append("  ").append(m).append(System.lineSeparator()));
            return b.toString();
        }
    }

    private LanguageDetectionEvaluation() {
    }

    public static Report evaluate(LanguageDetector detector, List<TaggerEvaluation.Article> articles) {
        Map<String, int[]> per = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        int total = 0;
        long nanos = 0;
        for (TaggerEvaluation.Article a : articles) {
            detector.detect(a.title() + "\n\n" + a.text()); // warm-up: the timed pass below measures a warm JVM
        }
        for (TaggerEvaluation.Article a : articles) {
            if (a.language().isBlank()) {
                continue;
            }
            long t0 = System.nanoTime();
            String got = detector.detect(a.title() + "\n\n" + a.text()).orElse("?");
            nanos += System.nanoTime() - t0;
            int[] c = per.computeIfAbsent(a.language(), k -> new int[2]);
            c[1]++;
            total++;
            if (got.equals(a.language())) {
                c[0]++;
                correct++;
            } else {
                misses.add(a.id() + " " + a.language() + " detected as " + got);
            }
        }
        return new Report(correct, total, per, misses, total == 0 ? 0 : nanos / 1000.0 / total);
    }
}
