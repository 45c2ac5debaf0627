package org.influencemonitor.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Consumer;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.EnrichedArticle;
import org.apache.kafka.common.serialization.Deserializer;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.dashboard.AlertFeed;
import org.influencemonitor.processor.dashboard.Dashboard;
import org.influencemonitor.processor.query.QueryServer;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.JsonLinesFileChannel;
import org.influencemonitor.telemetry.Telemetry;

/**
 * Ingest, processor and file sink wired together against one Kafka cluster, each the same component
 * the standalone commands run. The demo drives it on the embedded broker; the end-to-end test drives
 * it on whichever real broker the test fixture provides.
 */
public final class LocalPipeline implements AutoCloseable {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final int COUNTING_PARTITIONS = 3;

    private final String bootstrapServers;
    private final Properties clientProperties;
    private final MonitorConfig config;
    private final String applicationId;
    private final ProcessorService processor;
    private final AlertSink sink;
    private final Thread sinkThread;
    private final Telemetry telemetry = new Telemetry("processor");
    private QueryServer queryServer;
    private final int queryPort;
    private static final String QUERY_HOST = "127.0.0.1";

    /** What a replay did, from ingest to the alert file. */
    public record Counts(FileIngest.Summary ingest, long enriched, long relevant, long deadLetters, long late,
                         long alerts) {
    }

    public LocalPipeline(String bootstrapServers, Properties clientProperties, MonitorConfig config, Tagger tagger,
                         String applicationId, Path stateDir, Path alertsFile, Consumer<Alert> onAlert) throws IOException {
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
        this.config = config;
        this.applicationId = applicationId;
        // Several source partitions, read at different speeds, and three counting partitions: the layout of
        // a real deployment, which windows close correctly on (each waits for every source's watermark).
        TopicSetup.ensureTopics(bootstrapServers, clientProperties, COUNTING_PARTITIONS, COUNTING_PARTITIONS);
        int sources = TopicSetup.sourcePartitions(bootstrapServers, clientProperties);
        // The query API's address is the instance's application.server, so Kafka Streams can say who owns
        // a country; it must be known before the processor starts.
        this.queryPort = freePort();
        PipelineMeters meters = new PipelineMeters(telemetry.registry());
        this.processor = new ProcessorService(MonitorTopology.build(
                config.withRepartitionPartitions(COUNTING_PARTITIONS).withSourcePartitions(sources), tagger,
                meters),
                StreamsSettings.of(bootstrapServers, applicationId, stateDir, clientProperties, QUERY_HOST + ":" + queryPort),
                telemetry.registry(), meters);
        this.sink = new AlertSink(bootstrapServers, clientProperties, applicationId + "-sink",
                new JsonLinesFileChannel(alertsFile), onAlert);
        this.sinkThread = new Thread(sink, "alert-sink");
    }

    public void start() throws InterruptedException {
        processor.start();
        processor.awaitRunning(Duration.ofMinutes(2));
        sinkThread.start();
    }

    /**
     * Serves the query API of this pipeline's processor on loopback, at {@link #queryPort()}, with the
     * dashboard at {@code /} and the processor's meters at {@code /metrics}.
     */
    public QueryServer serveQueries() throws IOException {
        Dashboard dashboard = new Dashboard(config, new AlertFeed(bootstrapServers, clientProperties, telemetry.registry()));
        QueryServer server = new QueryServer(processor, QUERY_HOST, QueryServer.settingsFor(QUERY_HOST, queryPort),
                telemetry, dashboard);
        server.start();
        queryServer = server;
        return server;
    }

    /**
     * Publishes every line of {@code input}, then moves the processor's clock past the last window's end
     * plus grace so that every window the replay opened closes. The clock tick is sent only once the
     * processor has read every article: it travels on another topic, and Kafka Streams does not order
     * records across topics, so a tick sent at once could overtake articles still in flight and make them
     * late.
     */
    public FileIngest.Summary replay(Reader input, String name) throws Exception {
        return replay(new java.io.ByteArrayInputStream(readAll(input).getBytes(java.nio.charset.StandardCharsets.UTF_8)), name);
    }

    /** As {@link #replay(Reader, String)}, streaming the bytes of a JSON Lines file (gzip or not). */
    public FileIngest.Summary replay(java.io.InputStream input, String name) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrapServers, clientProperties)) {
            FileIngest.Summary summary = new FileIngest(new ArticleLineParser(Clock.systemUTC()), publisher).ingest(input, name);
            if (summary.latestPublishedAt() != null) {
                try (PipelineDrain drain = new PipelineDrain(bootstrapServers, clientProperties)) {
                    drain.awaitCaughtUp(applicationId, Topics.ARTICLES_RAW::equals, DRAIN_TIMEOUT);
                }
                publisher.advanceClock(config.windows().allClosedAfter(summary.latestPublishedAt()));
                publisher.flush();
            }
            return summary;
        }
    }

    private static String readAll(Reader input) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        input.transferTo(text);
        return text.toString();
    }

    /** Waits until the processor has consumed all its input and the sink has delivered every alert. */
    public void awaitProcessed() throws Exception {
        try (PipelineDrain drain = new PipelineDrain(bootstrapServers, clientProperties)) {
            drain.awaitCaughtUp(applicationId, topic -> topic.equals(Topics.ARTICLES_RAW)
                    || topic.equals(Topics.MONITOR_CLOCK)
                    || (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")), DRAIN_TIMEOUT);
            drain.awaitCaughtUp(applicationId + "-sink", Topics.ALERTS::equals, DRAIN_TIMEOUT);
        }
    }

    public Counts counts(FileIngest.Summary ingest) {
        Deserializer<EnrichedArticle> serde = EventTopics.ARTICLES_ENRICHED.valueSerde().deserializer();
        var enriched = TopicSnapshot.read(bootstrapServers, clientProperties, Topics.ARTICLES_ENRICHED);
        long relevant = enriched.stream().filter(r -> serde.deserialize(r.topic(), r.value()).relevant()).count();
        long deadLetters = TopicSnapshot.read(bootstrapServers, clientProperties, Topics.ARTICLES_DLQ).size();
        long late = TopicSnapshot.read(bootstrapServers, clientProperties, Topics.ARTICLES_LATE).size();
        return new Counts(ingest, enriched.size(), relevant, deadLetters, late, sink.delivered());
    }

    public int queryPort() {
        return queryPort;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (queryServer != null) {
                queryServer.close();
            }
            sink.close();
        } finally {
            processor.close();
            telemetry.close();
        }
    }

    /** The processor's meters, as its {@code /metrics} serves them. */
    public Telemetry telemetry() {
        return telemetry;
    }
}
