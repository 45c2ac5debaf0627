package org.influencemonitor.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.RetryPolicy;
import org.influencemonitor.sink.alertmanager.AlertmanagerChannel;
import org.influencemonitor.sink.testing.AlertmanagerProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted Alertmanager channel knows its open incidents again from the alerts topic alone: it keeps
 * resending them with the labels they opened with, and resolves them when their resolution comes.
 */
class AlertmanagerRestartTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @TempDir
    Path dir;

    @Test
    void aRestartedChannelRestoresItsOpenIncidentsFromTheTopic() throws Exception {
        Path binary = AlertmanagerProcess.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "skipped: no prometheus-alertmanager installed (.ci/run installs it)");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "am-" + run;
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1, 2);
        List<Alert> events = AlertTraffic.incidents(run, 2, 3);   // per incident: firing 0, firing 1, resolved 2
        try (AlertmanagerProcess am = AlertmanagerProcess.start(binary, dir, Duration.ofSeconds(2))) {
            AlertTraffic.publish(KAFKA.bootstrapServers(), List.of(events.get(0), events.get(1), events.get(3), events.get(4)));
            try (AlertSink first = sink(am, group)) {
                Thread t = new Thread(first);
                t.start();
                AlertTraffic.await("the first sink to commit", Duration.ofSeconds(60),
                        () -> AlertTraffic.lag(KAFKA.bootstrapServers(), group) == 0);
                AlertTraffic.await("two incidents in Alertmanager", Duration.ofSeconds(20), () -> active(am).size() == 2);
            }
            // Stopped: nobody resends, and the incidents lapse (their endsAt is two seconds ahead).
            AlertTraffic.await("the incidents to lapse without a sink", Duration.ofSeconds(20), () -> active(am).isEmpty());

            try (AlertSink second = sink(am, group)) {
                Thread t = new Thread(second);
                t.start();
                AlertTraffic.await("the restarted sink to resend both", Duration.ofSeconds(30), () -> active(am).size() == 2);
                for (JsonNode alert : active(am)) {
                    assertEquals("warning", alert.at("/labels/severity").asText(), "the severity the incident opened with");
                    assertEquals("critical", alert.at("/annotations/current_severity").asText());
                    assertEquals("1", alert.at("/annotations/update").asText());
                }
                AlertTraffic.publish(KAFKA.bootstrapServers(), List.of(events.get(2), events.get(5)));
                AlertTraffic.await("both incidents resolved", Duration.ofSeconds(30), () -> active(am).isEmpty());
            }
        }
    }

    private static AlertSink sink(AlertmanagerProcess am, String group) {
        return new AlertSink(new AlertSink.Settings("alertmanager", group, RetryPolicy.DEFAULT), KAFKA.bootstrapServers(),
                new Properties(), new AlertmanagerChannel(new AlertmanagerChannel.Settings(am.url(),
                URI.create("http://localhost:8080"), Duration.ofMillis(500), Duration.ofDays(7), Map.of(),
                Duration.ofSeconds(5))), new SimpleMeterRegistry(), alert -> { });
    }

    private static List<JsonNode> active(AlertmanagerProcess am) throws Exception {
        List<JsonNode> alerts = new java.util.ArrayList<>();
        am.activeAlerts().forEach(alerts::add);
        return alerts;
    }
}
