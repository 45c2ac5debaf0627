package org.influencemonitor.processor.history;

import java.time.Instant;

/**
 * Keys of the queryable history stores: {@code country|zero-padded epoch millis[|suffix]}, so one
 * country's entries sort by time and a time range is one key range.
 */
public final class HistoryKeys {
    private HistoryKeys() {
    }

    public static String of(String country, Instant time) {
        return country + "|" + String.format("%015d", Math.max(0, time.toEpochMilli()));
    }

    public static String of(String country, Instant time, String suffix) {
        return of(country, time) + "|" + suffix;
    }

    /** The smallest key of {@code country} at or after {@code time}. */
    public static String from(String country, Instant time) {
        return of(country, time);
    }

    /** The inclusive upper bound of a range that ends with {@code country}'s entries at {@code time}. */
    public static String to(String country, Instant time) {
        return of(country, time) + "|\uffff";
    }
}
