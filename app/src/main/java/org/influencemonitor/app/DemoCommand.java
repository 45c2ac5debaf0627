package org.influencemonitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code monitor demo}: the whole pipeline on a real Kafka broker started inside this JVM, replaying a
 * file of articles and exiting once every window has closed and every alert has been delivered.
 */
@Command(name = "demo", description = {
        "Replay articles through ingest, processor and sink on an embedded Kafka broker.",
        "Prints the alerts as they arrive, writes them to DIR/alerts.jsonl, and exits once the replay is",
        "fully processed: every window closed and every alert delivered."},
        footer = {"", "Examples:",
                "  ./monitor demo",
                "  ./monitor demo --input my-articles.jsonl --out /tmp/monitor-out --threshold 5",
                "  ./monitor demo --follow    # open the dashboard it prints; the replay takes 2 minutes",
                "  ./monitor demo --follow --pace 0s   # then read the topics with kcat while it runs"})
public class DemoCommand implements Callable<Integer> {
    static final String SAMPLES = "/samples/articles.jsonl";
    static final String DEFAULT_FOLLOW_PACE = "2m";

    @Option(names = "--input", paramLabel = "FILE", description = "Articles to replay, JSON Lines (default: the bundled samples).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Output directory, emptied at start; alerts go to DIR/alerts.jsonl (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--follow", description = "Keep running after the replay, so other clients can read the topics; Ctrl-C to stop.")
    boolean follow;

    @Option(names = "--port", defaultValue = "0", description = "Port for the embedded broker (default: a free one).")
    int port;

    @Option(names = "--pace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Spread the replay over this much wall-clock time, to watch the dashboard fill up "
                    + "(default: " + DEFAULT_FOLLOW_PACE + " with --follow, else as fast as it goes; 0s: as fast as it goes).")
    Duration pace;



    @Mixin
    ProcessingOptions processing;

    /** Counted down by the first SIGTERM or Ctrl-C. */
    private final CountDownLatch stop = new CountDownLatch(1);
    /** Once the replay is done, a stop only ends the wait instead of interrupting the replay. */
    private volatile boolean following;

    @Mixin
    TaggerOptions tagging;

    @Override
    public Integer call() throws Exception {
        if (input != null && !Files.isReadable(input)) {
            throw new UserError("cannot read --input " + input);
        }
        var config = processing.config();
        var tagger = tagging.tagger();
        Path alertsFile = prepareOutput();
        // Kafka Streams warns about state in the OS temp directory; the demo's output directory is ours.
        Path stateDir = Files.createDirectories(out.resolve(".streams-state"));
        Thread main = Thread.currentThread();
        StopSignals.install("stopping: closing the pipeline (Kafka Streams, the sink, the query API), then the broker",
                "exiting now", StopSignals.FORCED_EXIT, () -> {
                    stop.countDown();
                    if (!following) {
                        main.interrupt();
                    }
                });
        try (EmbeddedKafkaBroker broker = startBroker()) {
            String bootstrap = broker.bootstrapServers();
            System.out.println("Kafka broker (in this JVM) at " + bootstrap);
            try (LocalPipeline pipeline = new LocalPipeline(bootstrap, new Properties(), config, tagger,
                    "influence-monitor-demo", stateDir, alertsFile, DemoCommand::printAlert)) {
                if (!replay(pipeline, config, alertsFile, bootstrap)) {
                    // Cleared, so that the pipeline and the broker close normally rather than at their first wait.
                    Thread.interrupted();
                    System.out.println("Stopped before the replay finished.");
                    return StopSignals.FORCED_EXIT;
                }
            }
        } finally {
            FileTrees.delete(stateDir);
        }
        return 0;
    }

    /** The replay and, with --follow, the wait for a stop; false when a signal cut the replay short. */
    private boolean replay(LocalPipeline pipeline, MonitorConfig config, Path alertsFile, String bootstrap)
            throws Exception {
        try {
            pipeline.start();
            var queries = pipeline.serveQueries();
            System.out.println("Query API at http://127.0.0.1:" + queries.port() + " (for example /incidents)");
            System.out.println("Dashboard at http://127.0.0.1:" + queries.port() + "/ (map, timelines, live alerts; "
                    + "metrics at /metrics)");
            String name = input == null ? "bundled samples" : input.toString();
            System.out.println("Replaying " + name + " (window " + config.windowSize() + ", grace " + config.grace()
                    + "; threshold rule at " + config.rules().threshold().articles() + " articles)");
            LocalPipeline.Counts counts;
            try (InputStream stream = openInput(); Reader paced = paced(stream)) {
                var ingested = paced == null ? pipeline.replay(stream, name) : pipeline.replay(paced, name);
                pipeline.awaitProcessed();
                counts = pipeline.counts(ingested);
            }
            printSummary(counts, alertsFile);
            if (follow) {
                following = true;
                follow(bootstrap, queries.port());
            }
            return true;
        } catch (Exception e) {
            // Interrupted by the stop, wherever it was (a Kafka client, the paced reader, a drain): not a failure.
            if (stop.getCount() == 0) {
                return false;
            }
            throw e;
        }
    }

    private EmbeddedKafkaBroker startBroker() {
        try {
            return EmbeddedKafkaBroker.start(port, null);
        } catch (EmbeddedKafkaBroker.PortInUseException e) {
            throw new UserError("port " + port + " is already in use; pick another with --port or leave it out");
        }
    }

    private Path prepareOutput() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + " exists and is not a directory");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    FileTrees.delete(entry);
                }
            }
        }
        Files.createDirectories(out);
        return out.resolve("alerts.jsonl");
    }

    /** The replay spread over --pace (default with --follow), as JSON Lines; null to replay at full speed. */
    private Reader paced(InputStream input) throws IOException {
        Duration over = pace != null ? pace
                : follow ? new DurationConverter().convert(DEFAULT_FOLLOW_PACE) : Duration.ZERO;
        if (over.isNegative() || over.isZero()) {
            return null;
        }
        System.out.println("Pacing the replay over " + over + " (--pace)");
        return PacedReader.over(new InputStreamReader(input, StandardCharsets.UTF_8), over);
    }

    private InputStream openInput() throws IOException {
        if (input != null) {
            return Files.newInputStream(input);
        }
        InputStream samples = DemoCommand.class.getResourceAsStream(SAMPLES);
        if (samples == null) {
            throw new UserError("the bundled samples are missing from this build; pass --input FILE");
        }
        return samples;
    }

    private static void printAlert(Alert alert) {
        StringBuilder text = new StringBuilder(AlertText.oneLine(alert));
        alert.evidence().stream().limit(3).forEach(e -> text.append("\n    - ").append(e.title()));
        System.out.println(text);
    }

    private void printSummary(LocalPipeline.Counts counts, Path alertsFile) {
        var ingest = counts.ingest();
        System.out.println();
        System.out.println("Summary");
        System.out.printf("  articles read      %d lines (%d blank, %d duplicates)%n", ingest.lines(), ingest.skipped(),
                ingest.duplicates());
        System.out.printf("  published          %d to %s%n", ingest.published(), Topics.ARTICLES_RAW);
        System.out.printf("  enriched           %d to %s (%d relevant)%n", counts.enriched(), Topics.ARTICLES_ENRICHED, counts.relevant());
        System.out.printf("  rejected           %d to %s (%d at ingest, %d by the processor)%n", counts.deadLetters(),
                Topics.ARTICLES_DLQ, ingest.rejected(), counts.deadLetters() - ingest.rejected());
        System.out.printf("  late               %d country mentions to %s (after their window closed)%n", counts.late(),
                Topics.ARTICLES_LATE);
        System.out.printf("  alert events       %d to %s%n", counts.alerts(), alertsFile);
    }

    private void follow(String bootstrap, int httpPort) throws InterruptedException {
        System.out.println();
        System.out.println("Following: the broker stays up at " + bootstrap + "; Ctrl-C to stop. For example:");
        System.out.println("  kcat -b " + bootstrap + " -C -t " + Topics.ALERTS + " -o beginning -X isolation.level=read_committed");
        System.out.println("  kcat -b " + bootstrap + " -C -t " + Topics.ARTICLES_ENRICHED + " -o beginning -c 1");
        System.out.println("  curl http://127.0.0.1:" + httpPort + "/countries/MD/alerts");
        stop.await();
    }
}
