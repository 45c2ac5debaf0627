package org.influencemonitor.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.RetryPolicy;
import org.influencemonitor.sink.SinkMetrics;
import org.influencemonitor.sink.SinkRunner;
import org.influencemonitor.sink.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a channel's loop ends: an endpoint that answers 410 Gone disables its channel loudly, and a stop
 * abandons a delivery that hangs once its grace is over; either way its alerts stay uncommitted.
 */
class SinkStopTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @Test
    void goneDisablesTheChannelAndLeavesItsAlertsUncommitted() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1, 1);
        AlertTraffic.publish(KAFKA.bootstrapServers(), AlertTraffic.incidents(run, 1, 1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (WebhookReceiver gone = new WebhookReceiver(SinkDeliveryTest.SECRET)) {
            gone.answerByDefault(410);
            AlertSink sink = SinkDeliveryTest.webhookSink(KAFKA.bootstrapServers(), "gone-" + run, "gone-" + run, gone, RetryPolicy.DEFAULT, registry);
            SinkRunner runner = new SinkRunner(List.of(sink));
            runner.start();
            assertTrue(sink.awaitStopped(Duration.ofSeconds(60)), "a disabled channel ends its loop");
            runner.close();
            assertEquals(AlertSink.Outcome.DISABLED, sink.outcome());
            assertEquals(1, gone.requests().size(), "410 is not retried");
            assertEquals(1.0, registry.get(SinkMetrics.DISABLED).tag(SinkMetrics.CHANNEL_TAG, "gone-" + run).gauge().value());
            assertTrue(AlertTraffic.lag(KAFKA.bootstrapServers(), "gone-" + run) > 0, "nothing committed, nothing lost");
        }
    }


    @Test
    void aStopAbandonsAHangingDeliveryUncommittedOnceItsGraceIsOver() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1, 1);
        AlertTraffic.publish(KAFKA.bootstrapServers(), AlertTraffic.incidents(run, 1, 1));
        try (WebhookReceiver hanging = new WebhookReceiver(SinkDeliveryTest.SECRET)) {
            hanging.stallAt(1);
            AlertSink sink = new AlertSink(new AlertSink.Settings("hang-" + run, "hang-" + run, RetryPolicy.DEFAULT),
                    KAFKA.bootstrapServers(), new Properties(), new org.influencemonitor.sink.webhook.WebhookChannel(
                    hanging.url(), org.influencemonitor.sink.webhook.WebhookSigner.fromSecret(SinkDeliveryTest.SECRET, "test"),
                    Duration.ofMinutes(5), java.time.Clock.systemUTC()), new SimpleMeterRegistry(), alert -> { });
            SinkRunner runner = new SinkRunner(List.of(sink));
            runner.start();
            assertTrue(hanging.awaitStalled(Duration.ofSeconds(60)));
            long start = System.nanoTime();
            assertEquals(List.of(), runner.stop(Duration.ofSeconds(2)), "the interrupted attempt ended the loop");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            runner.close();
            assertTrue(tookMs >= 1900, "the attempt in flight had its grace: " + tookMs + " ms");
            assertEquals(AlertSink.Outcome.ABANDONED, sink.outcome());
            assertTrue(AlertTraffic.lag(KAFKA.bootstrapServers(), "hang-" + run) > 0, "the abandoned alert stays uncommitted");
        }
    }
}
