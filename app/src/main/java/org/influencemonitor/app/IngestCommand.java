package org.influencemonitor.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.model.Topics;
import org.influencemonitor.telemetry.Telemetry;
import org.influencemonitor.telemetry.TelemetryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code monitor ingest <source>}: publishes articles to {@code articles.raw}. */
@Command(name = "ingest", description = "Publish articles to Kafka (articles.raw).",
        subcommands = {IngestCommand.FileSource.class})
public class IngestCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a source, e.g. 'ingest file PATH'");
    }

    @Command(name = "file", description = {
            "Publish a JSON Lines file of articles (or - for standard input), one article per line.",
            "Bad lines are reported with their line number and sent to articles.dlq; ingestion goes on."},
            footer = {"", "Examples:",
                    "  ./monitor ingest file samples/articles.jsonl --bootstrap-servers localhost:9092",
                    "  ./monitor ingest file history.jsonl --advance-clock 75m   # a replay: close its last windows too",
                    "  cat my-articles.jsonl | ./monitor ingest file -"})
    static class FileSource implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH|-", description = "The file to read, or - for standard input.")
        String path;

        @Mixin
        KafkaOptions kafka;

        @Option(names = "--advance-clock", paramLabel = "DURATION", converter = DurationConverter.class,
                description = {"After the last line, tell the processor that event time has reached the newest",
                        "published_at plus DURATION (via monitor.clock), so a replay's last windows close.",
                        "Use the processor's window plus grace, e.g. 75m for the defaults. The tick is sent",
                        "once the processor (--application-id) has read every article, so it overtakes none."})
        java.time.Duration advanceClock;

        @Mixin
        MetricsOptions metrics;

        @Option(names = "--application-id", defaultValue = org.influencemonitor.processor.StreamsSettings.DEFAULT_APPLICATION_ID,
                description = "With --advance-clock: the processor to wait for (default: ${DEFAULT-VALUE}).")
        String applicationId;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String name = path.equals("-") ? "stdin" : path;
            try (Telemetry telemetry = new Telemetry("ingest");
                 TelemetryServer served = metrics.serve("ingest", telemetry, () -> true).orElse(null);
                 Reader reader = open(); ArticlePublisher publisher = new ArticlePublisher(kafka.bootstrapServers(), kafka.clientProperties())) {
                publisher.bindMetrics(telemetry.registry());
                FileIngest.Summary summary = new FileIngest(new ArticleLineParser(Clock.systemUTC()), publisher).ingest(reader, name);
                if (advanceClock != null && summary.latestPublishedAt() != null) {
                    System.out.println("Waiting for processor " + applicationId + " to read the articles before the clock tick ...");
                    try (PipelineDrain drain = new PipelineDrain(kafka.bootstrapServers(), kafka.clientProperties())) {
                        drain.awaitCaughtUp(applicationId, Topics.ARTICLES_RAW::equals, java.time.Duration.ofMinutes(30));
                    } catch (IllegalStateException | java.util.concurrent.ExecutionException e) {
                        throw new UserError("no clock tick sent: " + e.getMessage());
                    }
                    publisher.advanceClock(summary.latestPublishedAt().plus(advanceClock));
                    publisher.flush();
                }
                System.out.println("Ingested " + name + ": " + summary);
                return 0;
            }
        }

        private Reader open() throws IOException {
            if (path.equals("-")) {
                return new InputStreamReader(System.in, StandardCharsets.UTF_8);
            }
            try {
                return Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserError("no such file: " + path);
            }
        }
    }
}
