package org.influencemonitor.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.influencemonitor.model.Json;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP surface without a broker: a Kafka Streams that was never started has nothing to answer with. */
class QueryServerTest {
    @TempDir
    Path stateDir;

    private KafkaStreams streams;
    private QueryServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Properties props = StreamsSettings.of("localhost:1", "query-server-test", stateDir, new Properties());
        streams = new KafkaStreams(MonitorTopology.build(MonitorConfig.defaults(), Tagger.defaults()), props);
        server = new QueryServer(streams, "localhost", 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close(Duration.ofSeconds(5));
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = Json.mapper().readTree(response.body());
        assertTrue(body.has("error"), response.body());
        return body.get("error").asText();
    }

    @Test
    void bindsAFreePortWhenAskedForPortZero() {
        assertTrue(server.port() > 0);
    }

    @Test
    void healthIs503UntilKafkaStreamsRuns() throws Exception {
        HttpResponse<String> health = send("GET", "/health");
        assertEquals(503, health.statusCode());
        JsonNode body = Json.mapper().readTree(health.body());
        assertEquals("CREATED", body.get("state").asText());
        assertEquals("localhost:" + server.port(), body.get("instance").asText());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void readyIs503WithItsReasonsUntilKafkaStreamsRunsAndIsCaughtUp() throws Exception {
        HttpResponse<String> ready = send("GET", "/ready");
        assertEquals(503, ready.statusCode());
        JsonNode body = Json.mapper().readTree(ready.body());
        assertEquals("failing", body.get("status").asText());
        assertTrue(body.get("reasons").get(0).asText().contains("not been started"), body.toString());
        assertEquals("2", ready.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void dataIs503WithRetryAfterWhileTheStoresCannotBeQueried() throws Exception {
        for (String path : new String[] {"/countries/MD/counts", "/countries/md/alerts?limit=5", "/countries/MD/incidents",
                "/incidents", "/coverage", "/countries/ZZ/alerts"}) {
            HttpResponse<String> response = send("GET", path);
            assertEquals(503, response.statusCode(), path + ": " + response.body());
            assertEquals("2", response.headers().firstValue("Retry-After").orElse(null), path);
            error(response);
        }
    }

    @Test
    void badRequestsAre400EvenBeforeTheStoresAreReady() throws Exception {
        assertEquals(400, send("GET", "/countries/MDA/counts").statusCode());
        assertEquals(400, send("GET", "/countries/MD/counts?from=soon").statusCode());
        assertEquals(400, send("GET", "/countries/MD/counts?from=2024-10-19&to=2024-10-18").statusCode());
        assertEquals(400, send("GET", "/countries/MD/alerts?limit=-1").statusCode());
        HttpResponse<String> typo = send("GET", "/countries/MD/counts?form=2024-10-18");
        assertEquals(400, typo.statusCode());
        assertTrue(error(typo).contains("form"));
    }

    @Test
    void withATokenEverythingButTheProbesNeedsIt() throws Exception {
        try (QueryServer guarded = new QueryServer(streams, "localhost", QueryServer.settingsFor("localhost", 0)
                .withToken(Optional.of(BearerToken.of("query-token"))))) {
            guarded.start();
            URI base = URI.create("http://localhost:" + guarded.port());
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(base.resolve("/incidents")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(base.resolve("/incidents"))
                    .header("Authorization", "Bearer query-token").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, allowed.statusCode(), "past the token, the stores are not ready yet");
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode(), "the probe answers without the token, with the streams' state");
            assertEquals("CREATED", Json.mapper().readTree(health.body()).get("state").asText());
        }
    }

    @Test
    void unknownResourcesAre404AndOtherMethods405() throws Exception {
        HttpResponse<String> missing = send("GET", "/countries/MD/weather");
        assertEquals(404, missing.statusCode());
        assertTrue(error(missing).contains("/countries/MD/weather"));
        assertEquals(404, send("GET", "/").statusCode());
        HttpResponse<String> post = send("POST", "/incidents");
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(null));
    }
}
