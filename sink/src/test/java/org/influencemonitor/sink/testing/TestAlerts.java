package org.influencemonitor.sink.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.sink.DeliveredAlert;

/** Alert events as the processor writes them, for channel tests. */
public final class TestAlerts {
    public static final Instant HOUR = Instant.parse("2024-10-18T14:00:00Z");

    private TestAlerts() {
    }

    /** Event {@code update} of the incident {@code incident} (a small number naming it). */
    public static Alert event(int incident, int update, Alert.Status status, Alert.Severity severity) {
        String id = UUID.nameUUIDFromBytes(("test-incident-" + incident).getBytes(StandardCharsets.UTF_8)).toString();
        Instant start = HOUR.plusSeconds(3600L * update);
        return new Alert(1, id, incident % 2 == 0 ? "spike" : "narrative", "MD", start, start.plusSeconds(3600),
                10 + update, 5, severity, status,
                List.of(new Alert.Evidence("a" + incident, "Moldova: vote-buying claims", "https://news.example/md/" + incident,
                        "Example News")),
                Instant.now(), 12.5, 0.7, "Spike in coverage of MD: " + (10 + update) + " articles", HOUR, update, null, null,
                null);
    }

    public static Alert firing(int incident, int update) {
        return event(incident, update, Alert.Status.FIRING, Alert.Severity.WARNING);
    }

    public static DeliveredAlert delivered(Alert alert, int partition, long offset) {
        return new DeliveredAlert(alert, json(alert), partition, offset);
    }

    public static byte[] json(Alert alert) {
        return EventTopics.ALERTS.valueSerde().serializer().serialize(EventTopics.ALERTS.name(), alert);
    }
}
