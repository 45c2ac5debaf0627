package org.influencemonitor.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.influencemonitor.language.LanguageDetector;
import org.influencemonitor.processor.enrichment.LanguageDetectionEvaluation;
import org.influencemonitor.processor.tagging.TaggerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code monitor eval}: scores the tagger against a labelled JSON Lines set, overall and per language,
 * lists its misses, then scores language detection on the same articles.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the tagger (precision, recall, F1 for countries, actors, election flag, narratives; "
                + "per language) and language detection on a labelled set.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE",
            description = "Labelled set, JSON Lines with an 'expect' object per article (default: the bundled set).")
    Path input;

    @Mixin
    TaggerOptions tagging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<TaggerEvaluation.Article> set = input == null ? TaggerEvaluation.bundledSet() : TaggerEvaluation.load(input);
            out.print(TaggerEvaluation.evaluate(tagging.tagger(), set).format());
            out.print(LanguageDetectionEvaluation.evaluate(LanguageDetector.defaults(), set).format());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
