package org.influencemonitor.model;

import java.time.Instant;
import java.util.List;

/**
 * The value of {@code alerts}. {@code alertId} depends only on the rule, the country and the window,
 * so the same incident always carries the same id and consumers can deduplicate on it.
 */
public record Alert(
        int schemaVersion,
        String alertId,
        String rule,
        String country,
        Instant windowStart,
        Instant windowEnd,
        int articles,
        int threshold,
        Severity severity,
        Status status,
        List<Evidence> evidence,
        Instant createdAt) {

    public Alert {
        evidence = List.copyOf(evidence);
    }

    /** An article that made the rule fire. */
    public record Evidence(String id, String title, String url) {
    }

    public enum Severity {
        INFO, WARNING, CRITICAL;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Severity fromWireName(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum Status {
        FIRING, RESOLVED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Status fromWireName(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
