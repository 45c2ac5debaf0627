package org.influencemonitor.app;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.influencemonitor.model.Alert;

/** How an alert reads on a terminal: what, where, when and how strong, in one line. */
final class AlertText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("HH:mm'Z'").withZone(ZoneOffset.UTC);

    private AlertText() {
    }

    static String oneLine(Alert alert) {
        return String.format("ALERT %-8s %s %s: %d relevant articles in %s-%s (threshold %d)  id %s",
                alert.severity().wireName(), alert.country(), alert.rule(), alert.articles(),
                TIME.format(alert.windowStart()), END.format(alert.windowEnd()), alert.threshold(), alert.alertId());
    }
}
