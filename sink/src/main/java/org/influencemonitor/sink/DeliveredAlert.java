package org.influencemonitor.sink;

import org.influencemonitor.model.Alert;

/**
 * An alert as read from the topic: the parsed event, the exact JSON it arrived as, and where it was read
 * (channels that keep state per partition, such as Alertmanager's open incidents, need the partition).
 */
public record DeliveredAlert(Alert alert, byte[] json, int partition, long offset) {

    /** What every channel deduplicates on: one incident's one event. */
    public EventKey key() {
        return EventKey.of(alert);
    }

    /** {@code alerts-0@12}: where the record was read, for log lines and dead letters. */
    public String origin() {
        return org.influencemonitor.model.Topics.ALERTS + "-" + partition + "@" + offset;
    }
}
