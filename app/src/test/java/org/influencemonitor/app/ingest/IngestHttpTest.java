package org.influencemonitor.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influencemonitor.app.HostileCorpus;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.http.BearerToken;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.ingest.AcceptedTimes;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.ArticleRules;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.RecentIds;
import org.influencemonitor.ingest.push.PushServer;
import org.influencemonitor.model.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push endpoint hit by a real HTTP client, publishing to a real broker: good, mixed, oversized,
 * unauthenticated and hostile bodies, a producer that cannot keep up, and the command itself.
 */
class IngestHttpTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final String TOKEN = "s3cret-token-for-the-push-test";
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private PushServer server(String bootstrap, Properties kafka, long maxBody, int maxInFlight) throws IOException {
        ArticlePublisher publisher = new ArticlePublisher(bootstrap, kafka);
        open.add(publisher);
        Intake intake = new Intake(publisher, new ArticleRules(AcceptedTimes.defaults(Clock.systemUTC())), new RecentIds(1000));
        HttpServerSettings settings = HttpServerSettings.plain("127.0.0.1", 0)
                .withToken(Optional.of(BearerToken.of(TOKEN)));
        PushServer server = new PushServer(intake, settings, maxBody, maxInFlight);
        server.start();
        open.add(server);
        return server;
    }

    private HttpResponse<String> post(PushServer server, String contentType, byte[] body, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (withToken) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void oneJsonArticleIsAnsweredAcceptedOnlyOnceItIsOnTheTopic() throws Exception {
        PushServer server = server(KAFKA.bootstrapServers(), new Properties(), PushServer.DEFAULT_MAX_BODY_BYTES, 100);
        String article = "{\n  \"url\": \"https://push.example/one\",\n  \"title\": \"Moldova votes\",\n  \"text\": \"<p>The Kremlin denies it</p>\"\n}";

        HttpResponse<String> response = post(server, "application/json", article.getBytes(StandardCharsets.UTF_8), true);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals(1, json(response).get("published").asInt());
        var published = new IngestedTopics(KAFKA.bootstrapServers()).articles("https://push.example/one");
        assertEquals(1, published.size(), "a 202 means the article is already on articles.raw");
        assertEquals(json(response).at("/ids/0").asText(), published.get(0).article().id());
        assertEquals("The Kremlin denies it", published.get(0).article().text());
    }

    @Test
    void aMixedBatchPublishesItsGoodLinesAndNamesEachBadOne() throws Exception {
        PushServer server = server(KAFKA.bootstrapServers(), new Properties(), PushServer.DEFAULT_MAX_BODY_BYTES, 100);
        byte[] body = ("{\"url\":\"https://push.example/mixed/1\",\"title\":\"Moldova votes\"}\n"
                + "{\"url\":\"https://push.example/mixed/2\",\"title\":12345}\n"
                + "\n"
                + "{\"url\":\"https://push.example/mixed/3\",\"title\":\"Caf\u00ff\"}\n"
                + "{\"url\":\"https://push.example/mixed/1?utm_source=x\",\"title\":\"Moldova votes\"}\n"
                + "{\"url\":\"https://push.example/mixed/4\",\"title\":\"ok\"} trailing\n").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = post(server, "application/x-ndjson", body, true);

        assertEquals(400, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals(1, answer.get("published").asInt());
        assertEquals(1, answer.get("duplicates").asInt());
        assertEquals(1, answer.get("skipped").asInt());
        assertEquals(3, answer.get("rejected").asInt());
        assertEquals(2, answer.at("/rejected_lines/0/line").asInt());
        assertEquals("title must be a string, not a number (12345)", answer.at("/rejected_lines/0/reason").asText());
        assertEquals(4, answer.at("/rejected_lines/1/line").asInt());
        assertTrue(answer.at("/rejected_lines/1/reason").asText().startsWith("invalid UTF-8 at byte offset"), response.body());
        assertTrue(answer.at("/rejected_lines/2/reason").asText().startsWith("text after the JSON object"), response.body());
        IngestedTopics topics = new IngestedTopics(KAFKA.bootstrapServers());
        assertEquals(1, topics.articles("https://push.example/mixed/").size());
        assertEquals(3, topics.deadLetters("ingest http 127.0.0.1:").stream()
                .filter(d -> d.text().contains("push.example/mixed")).count(), "each bad line is a dead letter");
    }

    @Test
    void withoutTheTokenNothingIsReadAndHealthNeedsNone() throws Exception {
        PushServer server = server(KAFKA.bootstrapServers(), new Properties(), PushServer.DEFAULT_MAX_BODY_BYTES, 100);

        HttpResponse<String> response = post(server, "application/json",
                "{\"url\":\"https://push.example/anon\",\"title\":\"T\"}".getBytes(StandardCharsets.UTF_8), false);

        assertEquals(401, response.statusCode());
        assertEquals(0, new IngestedTopics(KAFKA.bootstrapServers()).articles("https://push.example/anon").size());
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(0, json(health).at("/counts/read").asInt(), "the unauthenticated push was not read");
    }

    @Test
    void aBodyPastTheLimitIsTooLarge() throws Exception {
        PushServer server = server(KAFKA.bootstrapServers(), new Properties(), 64 * 1024, 100);
        byte[] body = ("{\"url\":\"https://push.example/big\",\"text\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(server, "application/json", body, true);

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().contains("65536 bytes"), response.body());
    }

    @Test
    void theHostileCorpusAsOnePushHasTheOutcomesItHasFromAFile() throws Exception {
        PushServer server = server(KAFKA.bootstrapServers(), new Properties(), 64L * 1024 * 1024, 100);
        String prefix = "https://hostile.example/push/";
        List<HostileCorpus.Case> cases = HostileCorpus.cases(Instant.now(), prefix);

        HttpResponse<String> response = post(server, "application/x-ndjson", HostileCorpus.file(cases), true);

        assertEquals(400, response.statusCode());
        JsonNode answer = json(response);
        List<Integer> rejectedLines = new ArrayList<>();
        answer.get("rejected_lines").forEach(r -> rejectedLines.add(r.get("line").asInt()));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).expect() == HostileCorpus.Expect.REJECTED) {
                expected.add(i + 1);
            }
        }
        assertEquals(expected, rejectedLines);
        long published = cases.stream().filter(c -> c.expect() == HostileCorpus.Expect.PUBLISHED).count();
        assertEquals(published, answer.get("published").asInt());
        assertEquals(published, new IngestedTopics(KAFKA.bootstrapServers()).articles(prefix).size());
    }

    @Test
    void aPushWhileKafkaCannotKeepUpIsTooManyRequestsAndThePendingOneIsUnavailable() throws Exception {
        Properties unreachable = new Properties();
        unreachable.put("max.block.ms", "3000");
        unreachable.put("delivery.timeout.ms", "3000");
        unreachable.put("request.timeout.ms", "2000");
        PushServer server = server("127.0.0.1:" + freePort(), unreachable, PushServer.DEFAULT_MAX_BODY_BYTES, 1);
        byte[] one = "{\"url\":\"https://push.example/stuck\",\"title\":\"T\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest first = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(one)).build();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(first, HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.recordsInFlight() == 0 && !pending.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, server.recordsInFlight(), "the first push waits for a Kafka that is not there");

        HttpResponse<String> second = post(server, "application/json", one, true);

        assertEquals(429, second.statusCode(), second.body());
        assertEquals("1", second.headers().firstValue("Retry-After").orElse(""));
        HttpResponse<String> firstAnswer = pending.get(60, TimeUnit.SECONDS);
        assertEquals(503, firstAnswer.statusCode(), firstAnswer.body());
        assertTrue(json(firstAnswer).get("error").asText().startsWith("Kafka did not acknowledge 1 records"));
    }

    @Test
    void theCommandServesUntilSigtermAndThenPrintsCountsThatAddUp() throws Exception {
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1);
        Path tokenFile = dir.resolve("push.token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.influencemonitor.app.Monitor", "ingest", "http",
                "--port", "0", "--bootstrap-servers", KAFKA.bootstrapServers(), "--http-token-file", tokenFile.toString())
                .redirectOutput(out.toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        try {
            Pattern address = Pattern.compile("Taking articles at (http://127\\.0\\.0\\.1:\\d+)/v1/articles");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Matcher m = address.matcher("");
            while (System.nanoTime() < deadline && !(m = address.matcher(Files.readString(out))).find() && child.isAlive()) {
                Thread.onSpinWait();
            }
            assertTrue(m.find(0), "the command prints its address: " + Files.readString(out) + Files.readString(dir.resolve("child.err")));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/v1/articles"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://push.example/cmd/1\",\"title\":\"T\"}\nnope\n"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), response.body());
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(Files.readString(out).contains("Ingest http stopped: read 2: 1 published, 0 duplicates, 1 rejected, 0 skipped"),
                Files.readString(out));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
