package org.influencemonitor.app.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.influencemonitor.app.PipelineDrain;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Topics;
import org.influencemonitor.sink.testing.TestAlerts;

/** Alert records on a real broker, as the processor would write them, plus records that are not alerts. */
final class AlertTraffic {
    private static final Instant HOUR = Instant.parse("2024-10-18T14:00:00Z");
    private static final List<String> COUNTRIES = List.of("MD", "RO", "UA", "GE", "AM", "BY", "PL", "HU");

    private AlertTraffic() {
    }

    /** {@code incidents} incidents of {@code events} events each (the last resolves it), keyed by country. */
    static List<Alert> incidents(String run, int incidents, int events) {
        List<Alert> all = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String country = COUNTRIES.get(i % COUNTRIES.size());
            String id = UUID.nameUUIDFromBytes((run + "-" + i).getBytes(StandardCharsets.UTF_8)).toString();
            for (int u = 0; u < events; u++) {
                boolean last = u == events - 1;
                Instant start = HOUR.plus(Duration.ofHours(u));
                all.add(new Alert(1, id, i % 2 == 0 ? "spike" : "narrative", country, start, start.plusSeconds(3600),
                        10 + u, 5, u == 0 ? Alert.Severity.WARNING : Alert.Severity.CRITICAL,
                        last ? Alert.Status.RESOLVED : Alert.Status.FIRING,
                        List.of(new Alert.Evidence("a" + i, "Election in " + country + ": claims of fraud",
                                "https://news.example/" + country + "/" + i, "Example")),
                        Instant.now(), 9.5, 1.5, "Spike in coverage of " + country, HOUR, u, null, null, null));
            }
        }
        return all;
    }

    static void publish(String bootstrapServers, List<Alert> alerts) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Alert a : alerts) {
            records.add(new ProducerRecord<>(Topics.ALERTS, a.country().getBytes(StandardCharsets.UTF_8), TestAlerts.json(a)));
        }
        send(bootstrapServers, records);
    }

    static void publishRaw(String bootstrapServers, String key, String value) throws Exception {
        send(bootstrapServers, List.of(new ProducerRecord<>(Topics.ALERTS, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8))));
    }

    private static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
        }
    }

    static long lag(String bootstrapServers, String group) throws Exception {
        try (PipelineDrain drain = new PipelineDrain(bootstrapServers, new Properties())) {
            return drain.lag(group, Topics.ALERTS::equals).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Polls {@code condition} every 100 ms until it holds or {@code timeout} passes. */
    static void await(String what, Duration timeout, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
