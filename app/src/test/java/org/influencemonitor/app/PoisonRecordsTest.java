package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.ThreadMetadata;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.query.QueryServer;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records produced straight to {@code articles.raw}, past ingest's checks (a plain producer, as kcat would):
 * an article of year 9999 with a current Kafka timestamp (its dead letter used to carry year 9999, which the
 * broker refused, so the stream thread died and was replaced every ~45 s, forever), articles of 1969 and of
 * year 1 (Kafka Streams silently skipped them), bytes that are not JSON, wrong types and a record too large
 * to write again; then good articles. Every good one is enriched, every bad one is a dead letter with its
 * reason, the time of rejection and its original timestamp, no stream thread ever dies, every record read is
 * accounted for, and the probes say so.
 */
class PoisonRecordsTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final String APP = "poison-test";

    @TempDir
    Path dir;

    @Test
    void poisonRecordsNeitherStopTheProcessorNorVanish() throws Exception {
        Properties client = new Properties();
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), client, 1);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("y9999", article("y9999", "9999-12-31T00:00:00Z", "Moldova election").getBytes(StandardCharsets.UTF_8));
        bad.put("y1969", article("y1969", "1969-07-20T20:17:00Z", "Moldova election").getBytes(StandardCharsets.UTF_8));
        bad.put("y0001", article("y0001", "0001-01-01T00:00:00Z", "Moldova election").getBytes(StandardCharsets.UTF_8));
        bad.put("future", article("future", now.plus(Duration.ofHours(2)).toString(), "Moldova election").getBytes(StandardCharsets.UTF_8));
        bad.put("garbage", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, '{', 'x'});
        bad.put("types", ("{\"id\":\"types\",\"title\":12345,\"text\":\"Moldova votes\",\"published_at\":\"" + now + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        bad.put("millis", ("{\"id\":\"millis\",\"title\":\"Moldova\",\"published_at\":" + now.toEpochMilli() + "}")
                .getBytes(StandardCharsets.UTF_8));
        bad.put("noid", ("{\"title\":\"Moldova election\",\"text\":\"Moldova votes\",\"published_at\":\"" + now + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        bad.put("empty", ("{\"id\":\"empty\",\"title\":\" \",\"text\":\"\",\"published_at\":\"" + now + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        bad.put("huge", article("huge", now.toString(), "Moldova election " + "x".repeat(1_030_000)).getBytes(StandardCharsets.UTF_8));

        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        List<String> good = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            sent.put("first", send(producer, "first", article("first", now.minusSeconds(60).toString(), "Moldova votes")));
            good.add("first");
            for (Map.Entry<String, byte[]> e : bad.entrySet()) {
                sent.put(e.getKey(), producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW,
                        e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue())).get());
            }
            for (int i = 0; i < 5; i++) {
                String id = "good" + i;
                sent.put(id, send(producer, id, article(id, now.minusSeconds(50 - i).toString(), "Moldova election day " + i)));
                good.add(id);
            }
        }

        MonitorConfig config = MonitorConfig.defaults();
        try (ProcessorService service = new ProcessorService(MonitorTopology.build(config, Tagger.defaults()),
                StreamsSettings.of(KAFKA.bootstrapServers(), APP, dir.resolve("state"), client), null,
                org.influencemonitor.processor.telemetry.PipelineMeters.none());
             QueryServer queries = new QueryServer(service, "127.0.0.1", QueryServer.settingsFor("127.0.0.1", 0), null, null)) {
            queries.start();
            service.start();
            service.awaitRunning(Duration.ofMinutes(1));
            Set<String> threads = threadNames(service);

            awaitCount(Topics.ARTICLES_ENRICHED, good.size());
            awaitCount(Topics.ARTICLES_DLQ, bad.size());

            List<String> enriched = TopicSnapshot.read(KAFKA.bootstrapServers(), client, Topics.ARTICLES_ENRICHED).stream()
                    .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
            assertEquals(good, enriched, "every good article is enriched, also those after the poison");

            Map<String, ConsumerRecord<byte[], byte[]>> dead = TopicSnapshot.read(KAFKA.bootstrapServers(), client,
                    Topics.ARTICLES_DLQ).stream().collect(Collectors.toMap(r -> new String(r.key(), StandardCharsets.UTF_8),
                    r -> r, (a, b) -> b, LinkedHashMap::new));
            assertEquals(bad.keySet(), dead.keySet(), "every bad record is a dead letter, once");
            for (String key : bad.keySet()) {
                ConsumerRecord<byte[], byte[]> r = dead.get(key);
                String reason = header(r, "monitor.error.reason");
                assertNotNull(reason, key);
                assertEquals(Long.toString(sent.get(key).timestamp()), header(r, "monitor.error.original-timestamp"),
                        key + ": the original's Kafka timestamp");
                assertTrue(Math.abs(r.timestamp() - System.currentTimeMillis()) < Duration.ofMinutes(5).toMillis(),
                        key + ": stamped with the time of rejection, not " + Instant.ofEpochMilli(r.timestamp()));
                assertEquals("processor articles.raw-0@" + sent.get(key).offset(), header(r, "monitor.error.origin"));
            }
            assertTrue(header(dead.get("y9999"), "monitor.error.reason").contains("9999-12-31T00:00:00Z is in the future"));
            assertTrue(header(dead.get("y1969"), "monitor.error.reason").contains("is before 1970-01-01"));
            assertTrue(header(dead.get("y0001"), "monitor.error.reason").contains("0001-01-01T00:00:00Z is before 1970"));
            assertTrue(header(dead.get("future"), "monitor.error.reason").contains("in the future: more than 15 min"));
            assertTrue(header(dead.get("types"), "monitor.error.reason").startsWith("not a valid Article JSON value at title: "), header(dead.get("types"), "monitor.error.reason"));
            assertTrue(header(dead.get("huge"), "monitor.error.reason").contains("more than the 100000 accepted"));
            assertEquals("article has no id", header(dead.get("noid"), "monitor.error.reason"));
            assertTrue(header(dead.get("noid"), "__streams.errors.exception").contains("InvalidArticleException"));
            assertEquals("article empty has neither title nor text", header(dead.get("empty"), "monitor.error.reason"));
            assertEquals("true", header(dead.get("huge"), "monitor.error.truncated"));
            assertEquals(Integer.toString(bad.get("huge").length), header(dead.get("huge"), "monitor.error.original-bytes"));
            assertEquals(64 * 1024, dead.get("huge").value().length);
            assertEquals(new String(bad.get("y9999"), StandardCharsets.UTF_8), new String(dead.get("y9999").value(),
                    StandardCharsets.UTF_8), "the original bytes are kept");

            long in = TopicSnapshot.read(KAFKA.bootstrapServers(), client, Topics.ARTICLES_RAW).size();
            assertEquals(in, enriched.size() + dead.size(), "in = enriched + dead-lettered");
            assertEquals(0, service.health().threadFailures(), "no stream thread died");
            assertEquals(threads, threadNames(service), "no stream thread was replaced");

            JsonNode ready = awaitReady(queries.port());
            assertEquals("ok", ready.get("status").asText());
            JsonNode health = Json.mapper().readTree(get(queries.port(), "/health").body());
            assertEquals("RUNNING", health.get("state").asText());
            assertEquals(0, health.get("thread_failures").asInt());
        }
    }

    private static String article(String id, String publishedAt, String text) {
        return "{\"id\":\"" + id + "\",\"url\":\"https://news.example/" + id + "\",\"source\":\"Example\","
                + "\"title\":\"Moldova election\",\"text\":\"" + text + " in Moldova; the Kremlin denies it.\","
                + "\"language\":\"en\",\"published_at\":\"" + publishedAt + "\"}";
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static Set<String> threadNames(ProcessorService service) {
        return service.streams().metadataForLocalThreads().stream().map(ThreadMetadata::threadName).collect(Collectors.toSet());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void awaitCount(String topic, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        int seen;
        while ((seen = TopicSnapshot.read(KAFKA.bootstrapServers(), new Properties(), topic).size()) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " records on " + topic + " within a minute, got " + seen);
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> last;
        while ((last = get(port, "/ready")).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/ready not 200 within 30 s: " + last.body());
            }
            Thread.sleep(200);
        }
        return Json.mapper().readTree(last.body());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
