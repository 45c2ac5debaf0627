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

/** An endpoint that answers 410 Gone disables its channel loudly, and its alerts stay uncommitted. */
class SinkDisableTest {
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

}
