package org.influencemonitor.app;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Json;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code monitor tag}: the tagger without Kafka, for trying dictionaries. Exactly one output line per
 * input line, in order, so the output can be pasted next to the input: a line that cannot be read gives
 * {@code {"error": "..."}} (blank lines give an empty object) rather than disappearing.
 */
@Command(name = "tag", description = {
        "Tag articles offline: article JSON Lines in, enriched JSON Lines out, one line per input line. No Kafka needed."},
        footer = {"", "Examples:",
                "  ./monitor tag --input samples/articles.jsonl --output tagged.jsonl",
                "  echo '{\"url\":\"https://e.com/1\",\"title\":\"Moldova votes\",\"text\":\"The Kremlin denies meddling in the election.\"}' | ./monitor tag"})
public class TagCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "-", paramLabel = "FILE|-", description = "Articles to read (default: standard input).")
    String input;

    @Option(names = "--output", defaultValue = "-", paramLabel = "FILE|-", description = "Where to write (default: standard output).")
    String output;

    @Mixin
    TaggerOptions tagging;

    @Override
    public Integer call() throws IOException {
        ArticleEnricher enricher = new ArticleEnricher(tagging.tagger());
        ArticleLineParser parser = new ArticleLineParser(Clock.systemUTC());
        ObjectWriter writer = Json.mapper().writerFor(EnrichedArticle.class);
        int errors = 0;
        try (BufferedReader in = openInput(); Writer out = openOutput()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    out.write("{}\n");
                    continue;
                }
                ArticleLineParser.Parsed parsed = parser.parse(line);
                if (parsed.isRejected()) {
                    errors++;
                    out.write(Json.mapper().writeValueAsString(java.util.Map.of("error", parsed.rejection())));
                } else {
                    out.write(writer.writeValueAsString(enricher.enrich(parsed.article())));
                }
                out.write('\n');
            }
        }
        if (errors > 0) {
            System.err.println("monitor: " + errors + " line(s) could not be read; see the \"error\" lines in the output");
        }
        return 0;
    }

    private BufferedReader openInput() throws IOException {
        if (input.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + input);
        }
    }

    private Writer openOutput() throws IOException {
        if (output.equals("-")) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush(); // leave System.out open for whatever prints after us
                }
            };
        }
        return Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
    }
}
