package org.influencemonitor.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Topics;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.RetryPolicy;
import org.influencemonitor.sink.SinkMetrics;
import org.influencemonitor.sink.SinkRunner;
import org.influencemonitor.sink.testing.WebhookReceiver;
import org.influencemonitor.sink.testing.WebhookReceiver.Answer;
import org.influencemonitor.sink.webhook.WebhookChannel;
import org.influencemonitor.sink.webhook.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery through a real broker to real HTTP endpoints: retries with backoff and Retry-After until a
 * flaky endpoint takes every alert, dead letters (with their headers and meters) for an endpoint that
 * never does, records that are not alerts dead-lettered by every channel while delivery goes on, the two
 * channels independent of each other. ({@link SinkStopTest} has a broker of its own: every test here reads
 * the whole topic.)
 */
class SinkDeliveryTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static AlertSink webhookSink(String name, String group, WebhookReceiver receiver, RetryPolicy retry,
                                         SimpleMeterRegistry registry) {
        return webhookSink(KAFKA.bootstrapServers(), name, group, receiver, retry, registry);
    }

    static AlertSink webhookSink(String bootstrapServers, String name, String group, WebhookReceiver receiver,
                                 RetryPolicy retry, SimpleMeterRegistry registry) {
        return new AlertSink(new AlertSink.Settings(name, group, retry), bootstrapServers, new Properties(),
                new WebhookChannel(receiver.url(), WebhookSigner.fromSecret(SECRET, "test"), Duration.ofSeconds(5),
                        Clock.systemUTC()), registry, alert -> { });
    }

    @Test
    void retriesUntilDeliveredDeadLettersWhatNeverGoesThroughAndKeepsChannelsApart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1, 1);
        List<Alert> alerts = AlertTraffic.incidents(run, 1, 3);
        AlertTraffic.publish(KAFKA.bootstrapServers(), alerts);
        AlertTraffic.publishRaw(KAFKA.bootstrapServers(), "MD", "{not json");
        AlertTraffic.publishRaw(KAFKA.bootstrapServers(), "MD", new String(
                org.influencemonitor.sink.testing.TestAlerts.json(alerts.get(0)), StandardCharsets.UTF_8)
                .replace("\"schema_version\":1", "\"schema_version\":2"));

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (WebhookReceiver flaky = new WebhookReceiver(SECRET); WebhookReceiver down = new WebhookReceiver(SECRET)) {
            flaky.script(Answer.status(500), Answer.status(502), new Answer(429, Map.of("Retry-After", "1")));
            down.answerByDefault(503);
            AlertSink good = webhookSink("flaky-" + run, "flaky-" + run, flaky,
                    new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)), registry);
            AlertSink bad = webhookSink("down-" + run, "down-" + run, down,
                    new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(60)), registry);
            SinkRunner runner = new SinkRunner(List.of(good, bad));
            runner.start();
            try {
                AlertTraffic.await("the flaky endpoint to hold every alert", Duration.ofSeconds(60),
                        () -> flaky.distinctBodies().size() == alerts.size());
                assertTrue(AlertTraffic.lag(KAFKA.bootstrapServers(), "down-" + run) > 0,
                        "the flaky channel delivered everything while the other was still retrying");
                AlertTraffic.await("both groups to commit everything", Duration.ofSeconds(90),
                        () -> AlertTraffic.lag(KAFKA.bootstrapServers(), "flaky-" + run) == 0
                                && AlertTraffic.lag(KAFKA.bootstrapServers(), "down-" + run) == 0);
            } finally {
                runner.stop(Duration.ofSeconds(10));
                runner.close();
            }

            assertTrue(flaky.requests().stream().allMatch(WebhookReceiver.Request::signatureValid));
            assertEquals(alerts.stream().map(a -> a.alertId() + ":" + a.update()).toList(),
                    List.copyOf(flaky.distinctBodies().keySet()), "every alert once, in order");
            assertEquals(3, good.metrics().retryCount(), "500, 502 and 429 were each retried once");
            assertEquals(3, good.metrics().deliveredCount());
            assertEquals(2, good.metrics().deadLetterCount(), "the two records that are not alerts");
            assertEquals(0, bad.metrics().deliveredCount());
            assertEquals(5, bad.metrics().deadLetterCount());
            assertEquals(2.0, registry.get(SinkMetrics.DEAD_LETTERS).tag(SinkMetrics.CHANNEL_TAG, "down-" + run)
                    .tag(SinkMetrics.FAILURE_TAG, "invalid").counter().count());
        }

        Map<String, List<ConsumerRecord<byte[], byte[]>>> dead = TopicSnapshot.read(KAFKA.bootstrapServers(),
                        new Properties(), Topics.ALERTS_DLQ).stream()
                .filter(r -> header(r, "monitor.sink.channel").endsWith(run))
                .collect(Collectors.groupingBy(r -> header(r, "monitor.sink.channel")));
        assertEquals(2, dead.get("flaky-" + run).size());
        List<ConsumerRecord<byte[], byte[]>> fromDown = dead.get("down-" + run);
        assertEquals(5, fromDown.size());
        List<String> reasons = fromDown.stream().map(r -> header(r, "monitor.error.reason")).toList();
        assertTrue(reasons.contains("unsupported schema_version 2 (this sink reads 1)"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not a valid Alert JSON value")), reasons.toString());
        List<ConsumerRecord<byte[], byte[]>> undeliverable = fromDown.stream()
                .filter(r -> header(r, "monitor.sink.failure").equals("undeliverable")).toList();
        assertEquals(3, undeliverable.size());
        for (ConsumerRecord<byte[], byte[]> r : undeliverable) {
            assertTrue(header(r, "monitor.error.reason").startsWith("HTTP 503 from http://127.0.0.1:"), header(r, "monitor.error.reason"));
            assertTrue(header(r, "monitor.error.origin").startsWith("sink down-" + run + " alerts-0@"));
            assertEquals("5", header(r, "monitor.error.attempts"), "four on the batch, one alone");
            assertEquals("MD", new String(r.key(), StandardCharsets.UTF_8), "the original key");
        }
        assertTrue(fromDown.stream().noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(SECRET.substring(6))));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? "" : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
