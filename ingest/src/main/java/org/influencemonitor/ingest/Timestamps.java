package org.influencemonitor.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Publication times as text sources write them: ISO-8601 with {@code Z} or an offset. A time without a
 * zone is refused rather than guessed (a feed in UTC+3 read as UTC lands three hours off, in the wrong
 * window), and every refusal names the field and quotes the value.
 */
public final class Timestamps {
    public static final String EXAMPLE = "\"2024-10-18T14:05:00Z\"";

    private Timestamps() {
    }

    /** The instant {@code text} names, or an {@link IllegalArgumentException} saying why it names none. */
    public static Instant parse(String field, String text) {
        String trimmed = text.strip();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeException e) {
            if (isLocal(trimmed)) {
                throw new IllegalArgumentException(field + " " + quote(trimmed) + " has no time zone: write "
                        + trimmed + "Z for UTC, or give its offset");
            }
            throw new IllegalArgumentException(field + " " + quote(trimmed) + " is not an ISO-8601 timestamp such as " + EXAMPLE);
        }
    }

    private static boolean isLocal(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static String quote(String s) {
        return "\"" + (s.length() <= 40 ? s : s.substring(0, 37) + "...") + "\"";
    }
}
