package org.influencemonitor.bench;

import com.github.pemistahl.lingua.api.Language;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.influencemonitor.language.LanguageDetector;
import org.influencemonitor.processor.tagging.TaggerEvaluation;

/**
 * The measurement behind the choice of language detector (docs/tagger.md, "Language detection"):
 * accuracy on the tagger's labelled set with the labelled language hidden, heap retained after
 * loading, and CPU time per article, for the shipped {@link LanguageDetector} and the candidates
 * (Lingua in low- and high-accuracy mode without the script shortcuts, optimaize 0.6). Run one
 * candidate per JVM so that the heap figures do not mix:
 *
 * <pre>java -Xmx2g -cp bench/target/benchmarks.jar org.influencemonitor.bench.LanguageDetectorComparison shipped|lingua-low|lingua-high|optimaize</pre>
 */
public final class LanguageDetectorComparison {
    private LanguageDetectorComparison() {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "shipped";
        List<TaggerEvaluation.Article> set = TaggerEvaluation.bundledSet();
        Set<String> codes = Set.of("en", "fr", "de", "es", "pt", "ru", "ro", "uk", "pl", "cs", "sk", "hu", "bg", "ka",
                "tr", "ar", "fa", "he", "zh", "ja", "ko", "id", "hi");
        long before = usedHeapAfterGc();
        long t0 = System.nanoTime();
        Function<String, String> detect = switch (which) {
            case "shipped" -> text -> LanguageDetector.defaults().detect(text).orElse("?");
            case "lingua-low" -> lingua(codes, true);
            case "lingua-high" -> lingua(codes, false);
            case "optimaize" -> optimaize(codes);
            default -> throw new IllegalArgumentException("shipped, lingua-low, lingua-high or optimaize, not " + which);
        };
        detect.apply("warm up the lazy parts: " + which);
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long heap = usedHeapAfterGc() - before;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (TaggerEvaluation.Article a : set) {
            String got = detect.apply(a.title() + "\n\n" + a.text());
            if (got.equals(a.language())) {
                right++;
            } else {
                wrong.add(a.id() + " " + a.language() + "->" + got);
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        int n = 0;
        for (int round = 0; round < 5; round++) {
            for (TaggerEvaluation.Article a : set) {
                detect.apply(a.title() + "\n\n" + a.text());
                n++;
            }
        }
        double micros = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
        System.out.printf(Locale.ROOT, "%s: %d/%d right (%.3f), load %d ms, heap +%.1f MB, %.0f µs CPU per article%n  wrong: %s%n",
                which, right, set.size(), (double) right / set.size(), loadMs, heap / 1e6, micros, wrong);
    }

    private static Function<String, String> lingua(Set<String> codes, boolean lowAccuracy) {
        List<Language> languages = new ArrayList<>();
        for (Language l : Language.values()) {
            if (l != Language.UNKNOWN && codes.contains(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT))) {
                languages.add(l);
            }
        }
        var builder = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0]))
                .withPreloadedLanguageModels();
        var d = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
        return text -> {
            Language l = d.detectLanguageOf(text);
            return l == Language.UNKNOWN ? "?" : l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static Function<String, String> optimaize(Set<String> codes) {
        LanguageProfileReader reader = new LanguageProfileReader();
        List<LanguageProfile> profiles = new ArrayList<>();
        for (String code : codes) {
            try {
                profiles.add(reader.readBuiltIn(LdLocale.fromString(code.equals("zh") ? "zh-CN" : code)));
            } catch (IOException | RuntimeException e) {
                System.out.println("optimaize has no profile for " + code);
            }
        }
        var d = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
        Supplier<TextObjectFactory> texts = CommonTextObjectFactories::forDetectingShortCleanText;
        TextObjectFactory factory = texts.get();
        return text -> {
            var best = d.getProbabilities(factory.forText(text));
            return best.isEmpty() ? "?" : best.get(0).getLocale().getLanguage();
        };
    }

    private static long usedHeapAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
