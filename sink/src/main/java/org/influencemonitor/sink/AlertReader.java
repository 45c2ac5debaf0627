package org.influencemonitor.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.EventTopics;

/**
 * Reads a record of {@code alerts}, or says in one line why it is not an alert this sink can deliver:
 * a channel must never be handed an event it would have to guess about.
 */
final class AlertReader {
    /** The alert contract version this sink understands; later versions may change meanings, not just add. */
    static final int SCHEMA_VERSION = 1;

    private final Deserializer<Alert> serde = EventTopics.ALERTS.valueSerde().deserializer();

    sealed interface Result permits Readable, Unreadable {
    }

    record Readable(DeliveredAlert alert) implements Result {
    }

    record Unreadable(String reason) implements Result {
    }

    Result read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return new Unreadable("no value (a tombstone is not an alert)");
        }
        Alert alert;
        try {
            alert = serde.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return new Unreadable(oneLine(e.getMessage()));
        }
        if (alert.schemaVersion() != SCHEMA_VERSION) {
            return new Unreadable(alert.schemaVersion() == 0 ? "no schema_version"
                    : "unsupported schema_version " + alert.schemaVersion() + " (this sink reads " + SCHEMA_VERSION + ")");
        }
        String missing = firstMissing(alert);
        if (missing != null) {
            return new Unreadable("alert has no " + missing);
        }
        return new Readable(new DeliveredAlert(alert, record.value(), record.partition(), record.offset()));
    }

    private static String firstMissing(Alert a) {
        if (a.alertId() == null || a.alertId().isBlank()) {
            return "alert_id";
        }
        if (a.rule() == null || a.rule().isBlank()) {
            return "rule";
        }
        if (a.country() == null || a.country().isBlank()) {
            return "country";
        }
        if (a.windowStart() == null || a.windowEnd() == null) {
            return "window_start or window_end";
        }
        if (a.severity() == null) {
            return "severity";
        }
        if (a.status() == null) {
            return "status";
        }
        return a.createdAt() == null ? "created_at" : null;
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
    }
}
