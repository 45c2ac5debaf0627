package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.model.Json;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.JsonLinesFileChannel;
import org.influencemonitor.sink.RetryPolicy;
import org.influencemonitor.telemetry.Telemetry;
import org.influencemonitor.telemetry.TelemetryServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Prometheus (.ci/run installs it) scrapes the processor's, the ingest's and the sink's
 * {@code /metrics} while the bundled samples are ingested over a few seconds, and a PromQL query over what
 * it scraped returns the processor's articles-per-second series.
 */
class PrometheusScrapeTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesEveryComponentAndAnswersTheArticlesPerSecondSeries() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS),
                PROMETHEUS + " is not installed (apt-get install prometheus; .ci/run does): no scrape test");
        String bootstrap = KAFKA.bootstrapServers();
        try (LocalPipeline pipeline = new LocalPipeline(bootstrap, new Properties(), MonitorConfig.defaults(),
                Tagger.defaults(), "scrape-test", dir.resolve("state"), dir.resolve("pipeline-alerts.jsonl"), a -> { })) {
            pipeline.start();
            int processorPort = pipeline.serveQueries().port();
            try (Telemetry sinkTelemetry = new Telemetry("sink");
                 AlertSink sink = new AlertSink(new AlertSink.Settings("file", "scrape-test-sink", RetryPolicy.DEFAULT),
                         bootstrap, new Properties(), new JsonLinesFileChannel(dir.resolve("alerts.jsonl")),
                         sinkTelemetry.registry(), a -> { });
                 Telemetry ingestTelemetry = new Telemetry("ingest");
                 ArticlePublisher publisher = new ArticlePublisher(bootstrap, new Properties())) {
                publisher.bindMetrics(ingestTelemetry.registry());
                Thread sinkThread = new Thread(sink, "scrape-test-sink");
                sinkThread.start();
                try (TelemetryServer sinkMetrics = serve("sink", sinkTelemetry, sinkThread::isAlive);
                     TelemetryServer ingestMetrics = serve("ingest", ingestTelemetry, () -> true)) {
                    int prometheusPort = freePort();
                    Process prometheus = startPrometheus(prometheusPort, processorPort, ingestMetrics.port(), sinkMetrics.port());
                    try {
                        await(() -> query(prometheusPort, "sum(up)").path(0).path("value").path(1).asText().equals("3"),
                                "Prometheus sees all three targets up", prometheus);
                        long published;
                        try (var samples = new InputStreamReader(LocalPipeline.class.getResourceAsStream("/samples/articles.jsonl"),
                                StandardCharsets.UTF_8)) {
                            published = new FileIngest(new ArticleLineParser(Clock.systemUTC()), publisher)
                                    .ingest(PacedReader.over(samples, Duration.ofSeconds(12)), "samples").published();
                            publisher.flush();
                        }
                        assertTrue(published > 300, "the samples were published: " + published);
                        String perSecond = "rate(monitor_articles_tagged_total{job=\"processor\"}[10s])";
                        await(() -> {
                            JsonNode series = queryRange(prometheusPort, perSecond);
                            return series.size() == 1 && maxValue(series.get(0)) > 1.0;
                        }, "the articles-per-second series rises above 1 article/s", prometheus);
                        JsonNode series = queryRange(prometheusPort, perSecond).get(0);
                        assertEquals("processor", series.path("metric").path("component").asText());
                        assertTrue(series.path("values").size() >= 5, "a series over several scrapes: " + series);

                        await(() -> value(query(prometheusPort, "sum(kafka_producer_record_send_total{job=\"ingest\"})")) >= published,
                                "the ingest's producer metrics say it sent every article", prometheus);
                        assertTrue(value(query(prometheusPort, "count(kafka_consumer_fetch_manager_records_consumed_total{job=\"sink\"})")) > 0,
                                "the sink's consumer metrics are scraped");
                        assertTrue(value(query(prometheusPort, "count({job=\"processor\",__name__=~\"kafka_stream_.*\"})")) > 0,
                                "Kafka Streams' own metrics are scraped");
                        for (String metric : grafanaMetrics()) {
                            await(() -> value(query(prometheusPort, "count({__name__=\"" + metric + "\"})")) > 0,
                                    "the Grafana dashboard's " + metric + " is a scraped series", prometheus);
                        }
                    } finally {
                        prometheus.destroy();
                        if (!prometheus.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                            prometheus.destroyForcibly();
                        }
                    }
                }
            }
        }
    }

    /** Every metric name the Grafana dashboard's queries use. */
    private static java.util.Set<String> grafanaMetrics() throws Exception {
        Path dashboard = Path.of("..", "ops", "grafana", "dashboards", "influence-monitor.json");
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (JsonNode panel : Json.mapper().readTree(dashboard.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(?:monitor|kafka|jvm)_[a-z_]+")
                        .matcher(target.path("expr").asText());
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        assertTrue(names.size() >= 8, "the dashboard's queries name their metrics: " + names);
        return names;
    }

    private static TelemetryServer serve(String component, Telemetry telemetry, BooleanSupplier alive) throws Exception {
        TelemetryServer server = new TelemetryServer(component, telemetry, HttpServerSettings.plain("127.0.0.1", 0), alive);
        server.start();
        return server;
    }

    private Process startPrometheus(int port, int processor, int ingest, int sink) throws Exception {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: processor
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                  - job_name: ingest
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                  - job_name: sink
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(processor, ingest, sink));
        return new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    private JsonNode query(int port, String promql) throws Exception {
        return api(port, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    private JsonNode queryRange(int port, String promql) throws Exception {
        long end = Instant.now().getEpochSecond();
        return api(port, "/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + (end - 60) + "&end=" + end + "&step=1");
    }

    private JsonNode api(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.mapper().readTree(response.body());
        assertEquals("success", body.path("status").asText(), response.body());
        return body.path("data").path("result");
    }

    private static double value(JsonNode result) {
        return result.size() == 0 ? 0 : result.get(0).path("value").path(1).asDouble();
    }

    private static double maxValue(JsonNode series) {
        double max = 0;
        for (JsonNode point : series.path("values")) {
            max = Math.max(max, point.path(1).asDouble());
        }
        return max;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private void await(Check check, String what, Process prometheus) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                throw new AssertionError("Prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                if (check.holds()) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + WAIT + ": " + what, last);
    }
}
