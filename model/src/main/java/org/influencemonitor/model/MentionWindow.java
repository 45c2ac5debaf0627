package org.influencemonitor.model;

import java.time.Instant;

/**
 * The value of {@code mentions.by-country}: distinct relevant articles naming {@code country} in one
 * event-time window, and their mentions in total. It is republished as the window fills; the last
 * record of a window carries {@code final: true}, sent once the window has closed (its end plus grace
 * has passed in event time).
 */
public record MentionWindow(
        int schemaVersion,
        String country,
        Instant windowStart,
        Instant windowEnd,
        int articles,
        int mentions,
        boolean isFinal) {

    @com.fasterxml.jackson.annotation.JsonProperty("final")
    @Override
    public boolean isFinal() {
        return isFinal;
    }
}
