package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.influencemonitor.model.Json;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.query.QueryServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} on a real broker when a stream thread dies: Kafka Streams replaces the thread and stays
 * RUNNING (a poison record used to make the new thread die again on the same record every ~45 s, forever).
 * The state alone looked healthy; the probe now fails for a while after a thread died, and says why. The topology here is made to
 * fail, without the monitor's exception handlers, since the monitor's own no longer lets a record do this.
 */
class HealthProbeTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final String TOPIC = "health-probe-in";

    @TempDir
    Path dir;

    @Test
    void aStreamThreadThatKeepsDyingFailsLivenessWhileKafkaStreamsStaysRunning() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        // It fails once: the replaced thread then processes the record, as after a passing fault, and the
        // probe must still report the failure for a while (and the close need not wait for a failing thread).
        AtomicBoolean failed = new AtomicBoolean();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.String())).foreach((key, value) -> {
            if (value.equals("boom") && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("cannot process " + key);
            }
        });
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-probe-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put("consumer.auto.offset.reset", "earliest");
        // The dead thread's consumer stays in the group until its session times out, and the new thread's
        // rebalance (and so the close) waits for that: keep it short.
        props.put("consumer.session.timeout.ms", 6000);
        props.put("consumer.heartbeat.interval.ms", 1000);

        try (ProcessorService service = new ProcessorService(builder.build(), props);
             QueryServer queries = new QueryServer(service, "127.0.0.1", QueryServer.settingsFor("127.0.0.1", 0), null, null)) {
            queries.start();
            service.start();
            service.awaitRunning(Duration.ofMinutes(1));
            assertEquals(200, get(queries.port()).statusCode(), get(queries.port()).body());

            send("k1", "fine");
            send("k2", "boom");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            HttpResponse<String> health;
            while ((health = get(queries.port())).statusCode() == 200) {
                assertTrue(System.nanoTime() < deadline, "/health stayed 200 while the stream thread died: " + health.body());
                Thread.sleep(100);
            }
            JsonNode body = Json.mapper().readTree(health.body());
            assertEquals(503, health.statusCode());
            assertEquals("failing", body.get("status").asText());
            assertTrue(body.get("thread_failures").asInt() >= 1, body.toString());
            assertTrue(body.get("reasons").get(0).asText().startsWith("a stream thread died at "), body.toString());
            assertTrue(body.get("last_thread_error").asText().contains("cannot process k2"), body.toString());
            assertEquals("RUNNING", body.get("state").asText(), "Kafka Streams itself says all is well");
        }
    }

    private static void send(String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
