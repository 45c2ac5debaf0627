package org.influencemonitor.processor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.influencemonitor.http.BearerToken;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.query.QueryServer;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.influencemonitor.telemetry.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard on the query API's server, behind a token: the page loads without it (a browser cannot
 * send one before the page has asked for it), everything with data needs it, and every page answer
 * carries the Content-Security-Policy.
 */
class DashboardServerTest {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    Path stateDir;

    private KafkaStreams streams;
    private Telemetry telemetry;
    private QueryServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Properties props = StreamsSettings.of("localhost:1", "dashboard-server-test", stateDir, new Properties());
        streams = new KafkaStreams(MonitorTopology.build(MonitorConfig.defaults(), Tagger.defaults()), props);
        telemetry = new Telemetry("processor");
        new PipelineMeters(telemetry.registry());
        Dashboard dashboard = new Dashboard(MonitorConfig.defaults(), new AlertFeed("localhost:1", new Properties(), null));
        server = new QueryServer(streams, "localhost", QueryServer.settingsFor("localhost", 0)
                .withToken(Optional.of(BearerToken.of(TOKEN))), telemetry, dashboard);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close(Duration.ofSeconds(5));
        telemetry.close();
    }

    private HttpResponse<String> get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (withToken) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsAssetsLoadWithoutTheTokenUnderAPolicy() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/dashboard.js", "/dashboard.css", "/world.json"}) {
            HttpResponse<String> page = get(path, false);
            assertEquals(200, page.statusCode(), path);
            assertEquals(DashboardAssets.CONTENT_SECURITY_POLICY, page.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
        assertTrue(get("/", false).body().contains("<script defer src=\"/dashboard.js\"></script>"));
        assertTrue(get("/", false).headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self';"));
    }

    @Test
    void everythingWithDataNeedsTheToken() throws Exception {
        for (String path : new String[] {"/map", "/alerts/stream", "/metrics", "/elections", "/countries/MD/baseline",
                "/articles/abc", "/incidents", "/coverage"}) {
            assertEquals(401, get(path, false).statusCode(), path);
        }
        assertEquals(200, get("/elections?country=MD", true).statusCode());
        assertTrue(get("/elections?country=MD", true).body().contains("\"country\":\"MD\""));
        assertEquals(404, get("/articles/abc", true).statusCode());
        assertEquals(503, get("/map", true).statusCode(), "a processor that is not running cannot list countries");
        assertEquals(503, get("/coverage", true).statusCode(), "nor say whether a feed is silent");
    }

    @Test
    void metricsAreInThePrometheusFormatWithTheComponentTag() throws Exception {
        HttpResponse<String> metrics = get("/metrics", true);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(metrics.body().contains("# TYPE monitor_articles_tagged_total counter"), metrics.body());
        assertTrue(metrics.body().contains("monitor_articles_tagged_total{component=\"processor\"} 0.0"), metrics.body());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "the JVM's meters come along");
    }
}
