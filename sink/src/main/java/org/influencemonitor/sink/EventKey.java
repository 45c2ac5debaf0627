package org.influencemonitor.sink;

import org.influencemonitor.model.Alert;

/**
 * One event of one incident, {@code (alert_id, update)}: the processor writes each exactly once, so a
 * channel that has already delivered a key has delivered that event, whatever the Kafka offsets say.
 */
public record EventKey(String alertId, int update) {

    public static EventKey of(Alert alert) {
        return new EventKey(alert.alertId(), updateOf(alert));
    }

    /** Events of the first cut carry no update number: they are the incident's first event. */
    public static int updateOf(Alert alert) {
        return alert.update() == null ? 0 : alert.update();
    }

    /** {@code alert_id:update}, the webhook id of the event. */
    @Override
    public String toString() {
        return alertId + ":" + update;
    }
}
