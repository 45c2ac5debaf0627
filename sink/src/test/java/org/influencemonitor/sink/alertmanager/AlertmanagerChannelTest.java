package org.influencemonitor.sink.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.testing.AlertmanagerProcess;
import org.influencemonitor.sink.testing.TestAlerts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alertmanager channel against a real Prometheus Alertmanager with a 2-second resolve_timeout: a
 * firing incident is seen, stays alive well past both the resolve timeout and its own endsAt because it
 * is resent, keeps the labels it opened with when its severity rises, and is gone once resolved.
 */
class AlertmanagerChannelTest {
    @TempDir
    Path dir;

    @Test
    void anIncidentFiresStaysAliveByResendingAndResolvesWithTheSameLabels() throws Exception {
        Path binary = AlertmanagerProcess.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "skipped: no prometheus-alertmanager installed (apt-get install "
                + "prometheus-alertmanager; .ci/run does)");
        try (AlertmanagerProcess am = AlertmanagerProcess.start(binary, dir, Duration.ofSeconds(2))) {
            Duration resend = Duration.ofMillis(500);
            AlertmanagerChannel channel = new AlertmanagerChannel(new AlertmanagerChannel.Settings(am.url(),
                    URI.create("http://processor.example:8080"), resend, Duration.ofDays(7), Map.of("team", "elections"),
                    Duration.ofSeconds(5)));
            Alert opened = TestAlerts.event(1, 0, Alert.Status.FIRING, Alert.Severity.WARNING);
            channel.deliver(List.of(TestAlerts.delivered(opened, 0, 0)));

            JsonNode first = awaitAlerts(am, 1, Duration.ofSeconds(10)).get(0);
            assertEquals("InfluenceMonitorNarrative", first.at("/labels/alertname").asText());
            assertEquals("warning", first.at("/labels/severity").asText());
            assertEquals(opened.alertId(), first.at("/labels/alert_id").asText());
            assertEquals("elections", first.at("/labels/team").asText());
            assertEquals("http://processor.example:8080/countries/MD/alerts", first.path("generatorURL").asText());
            String fingerprint = first.path("fingerprint").asText();

            // The severity rises: a new annotation, the same labels, so the same alert.
            channel.deliver(List.of(TestAlerts.delivered(TestAlerts.event(1, 1, Alert.Status.FIRING, Alert.Severity.CRITICAL), 0, 1)));
            Instant until = Instant.now().plusSeconds(6);   // 3× the resolve timeout, 3× its endsAt lead
            while (Instant.now().isBefore(until)) {
                channel.tick(Instant.now());
                Thread.sleep(100);
            }
            channel.tick(Instant.now().plus(resend)); // one more resend just before looking, however slow this machine
            List<JsonNode> alive = awaitAlerts(am, 1, Duration.ofSeconds(5));
            assertEquals(fingerprint, alive.get(0).path("fingerprint").asText(), "the labels never changed");
            assertEquals("critical", alive.get(0).at("/annotations/current_severity").asText());
            assertEquals("warning", alive.get(0).at("/labels/severity").asText());

            channel.deliver(List.of(TestAlerts.delivered(TestAlerts.event(1, 2, Alert.Status.RESOLVED, Alert.Severity.CRITICAL), 0, 2)));
            awaitAlerts(am, 0, Duration.ofSeconds(10));
            assertEquals(0, channel.openIncidents());
        }
    }

    @Test
    void withoutResendingAnIncidentLapsesOnItsOwn() throws Exception {
        Path binary = AlertmanagerProcess.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "skipped: no prometheus-alertmanager installed");
        try (AlertmanagerProcess am = AlertmanagerProcess.start(binary, dir, Duration.ofSeconds(2))) {
            AlertmanagerChannel channel = new AlertmanagerChannel(new AlertmanagerChannel.Settings(am.url(),
                    URI.create("http://localhost:8080"), Duration.ofMillis(500), Duration.ofDays(7), Map.of(), Duration.ofSeconds(5)));
            DeliveredAlert opened = TestAlerts.delivered(TestAlerts.firing(2, 0), 0, 0);
            channel.deliver(List.of(opened));
            awaitAlerts(am, 1, Duration.ofSeconds(10));
            awaitAlerts(am, 0, Duration.ofSeconds(15)); // endsAt = 2 s ahead, never renewed: the control for the test above
        }
    }

    private static List<JsonNode> awaitAlerts(AlertmanagerProcess am, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> alerts;
        do {
            alerts = new java.util.ArrayList<>();
            am.activeAlerts().forEach(alerts::add);
            if (alerts.size() == count) {
                return alerts;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertTrue(false, "expected " + count + " active alert(s), Alertmanager holds " + alerts);
        return alerts;
    }
}
