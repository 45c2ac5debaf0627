package org.influencemonitor.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.dashboard.AlertFeed;
import org.influencemonitor.processor.dashboard.Dashboard;
import org.influencemonitor.processor.query.QueryServer;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.influencemonitor.telemetry.Telemetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor processor}: the Kafka Streams application, until SIGTERM or Ctrl-C. */
@Command(name = "processor", description = {
        "Tag articles, count relevant articles per country in event-time windows, and raise alerts.",
        "Reads articles.raw and monitor.clock; writes articles.enriched, mentions.by-country, alerts, articles.dlq.",
        "Run more instances with the same --application-id to share the partitions."},
        footer = {"", "Example:", "  ./monitor processor --bootstrap-servers localhost:9092 --threshold 10 --window 1h"})
public class ProcessorCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessingOptions processing;

    @Mixin
    TaggerOptions tagging;

    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id: consumer group and prefix of internal topics (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where Kafka Streams keeps local state (default: its own).")
    Path stateDir;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions for topics this command has to create (default: ${DEFAULT-VALUE}); existing topics are left alone.")
    int partitions;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the query API (docs/query-api.md), 0 to serve none (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--advertised-host", paramLabel = "HOST", defaultValue = "localhost",
            description = "Host name other instances reach this one's query API by (default: ${DEFAULT-VALUE}: "
                    + "a single instance, listening on loopback only).")
    String advertisedHost;

    @Mixin
    TuningOptions tuningOptions;

    @Mixin
    HttpOptions http;

    @Override
    public Integer call() throws InterruptedException {
        StreamsSettings.Tuning tuning = tuningOptions.tuning();
        if (httpPort < 0 || httpPort > 65535) {
            throw new UserError("--http-port must be from 0 to 65535, got " + httpPort);
        }
        HttpServerSettings httpSettings = http.settings(QueryServer.bindHostFor(advertisedHost), httpPort);
        TopicSetup.ensureTopics(kafka.bootstrapServers(), kafka.clientProperties(), partitions);
        CountDownLatch stop = new CountDownLatch(1);
        String applicationServer = httpPort == 0 ? null : advertisedHost + ":" + httpPort;
        MonitorConfig config = processing.config().withSourcePartitions(
                TopicSetup.sourcePartitions(kafka.bootstrapServers(), kafka.clientProperties()));
        Telemetry telemetry = new Telemetry("processor");
        PipelineMeters meters = new PipelineMeters(telemetry.registry());
        try (telemetry;
             ProcessorService service = new ProcessorService(MonitorTopology.build(config, tagging.tagger(), meters),
                StreamsSettings.of(kafka.bootstrapServers(), applicationId, stateDir, kafka.clientProperties(),
                        applicationServer, tuning), telemetry.registry(), meters);
             QueryServer queries = httpPort == 0 ? null : queryServer(service, httpSettings, telemetry, config)) {
            StopSignals.install("stopping: committing, closing the state stores, leaving the group",
                    "exiting now; the state stores are restored from their changelogs at the next start",
                    StopSignals.FORCED_EXIT, stop::countDown);
            if (queries != null) {
                start(queries);
                System.out.println("Query API on " + queries.scheme() + "://" + applicationServer + "/ (see docs/query-api.md); "
                        + "dashboard at /, metrics at /metrics");
            }
            service.start();
            if (service.awaitRunning(Duration.ofMinutes(2), stop)) {
                System.out.println("Processor running as " + applicationId + " on " + kafka.bootstrapServers() + "; Ctrl-C to stop.");
            }
            stop.await();
            // The resources close in reverse: the query API stops answering, then Kafka Streams commits and closes.
        }
        System.out.println("Processor stopped.");
        return 0;
    }

    private void start(QueryServer queries) {
        try {
            queries.start();
        } catch (IOException e) {
            throw new UserError("cannot serve the query API on port " + httpPort + ": " + e.getMessage());
        }
    }

    private QueryServer queryServer(ProcessorService service, HttpServerSettings settings, Telemetry telemetry,
                                    MonitorConfig config) {
        try {
            Dashboard dashboard = new Dashboard(config,
                    new AlertFeed(kafka.bootstrapServers(), kafka.clientProperties(), telemetry.registry()));
            return new QueryServer(service, advertisedHost, settings, telemetry, dashboard);
        } catch (IOException e) {
            throw new UserError("cannot serve the query API on port " + httpPort + ": " + e.getMessage());
        }
    }
}
