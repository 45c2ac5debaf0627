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
        Instant createdAt,
        Double score,
        Double expected,
        String summary,
        Instant incidentStart,
        Integer update,
        List<MentionWindow.ActorCount> topActors,
        List<MentionWindow.TermCount> topTerms,
        Election election) {

    public Alert {
        evidence = List.copyOf(evidence);
        topActors = topActors == null ? null : List.copyOf(topActors);
        topTerms = topTerms == null ? null : List.copyOf(topTerms);
    }

    /** The first cut's fields only; the incident fields stay absent. */
    public Alert(int schemaVersion, String alertId, String rule, String country, Instant windowStart, Instant windowEnd,
                 int articles, int threshold, Severity severity, Status status, List<Evidence> evidence, Instant createdAt) {
        this(schemaVersion, alertId, rule, country, windowStart, windowEnd, articles, threshold, severity, status,
                evidence, createdAt, null, null, null, null, null, null, null, null);
    }

    /** An article that made the rule fire; {@code source} was added after the first cut. */
    public record Evidence(String id, String title, String url, String source) {
        public Evidence(String id, String title, String url) {
            this(id, title, url, null);
        }
    }

    /** An upcoming national election in the alert's country, from the election calendar. */
    public record Election(java.time.LocalDate date, String type) {
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
