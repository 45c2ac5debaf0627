package org.influencemonitor.app;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.influencemonitor.model.Alert;

/** How an alert reads on a terminal: what, where, when and how strong, in one line. */
public final class AlertText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("HH:mm'Z'").withZone(ZoneOffset.UTC);

    private AlertText() {
    }

    public static String oneLine(Alert alert) {
        String what = alert.summary() != null ? alert.summary()
                : alert.articles() + " relevant articles (threshold " + alert.threshold() + ")";
        String status = alert.status() == Alert.Status.RESOLVED ? "RESOLVED"
                : alert.update() != null && alert.update() > 0 ? "UPDATE " + alert.update() : "ALERT";
        return String.format("%-9s %-8s %s %s %s-%s: %s  id %s", status, alert.severity().wireName(), alert.country(),
                alert.rule(), TIME.format(alert.windowStart()), END.format(alert.windowEnd()), what, alert.alertId());
    }
}
