package org.influencemonitor.processor.history;

import java.time.Instant;

/**
 * Keys of the processor's stores, the one owner of their layout. Times are zero-padded epoch millis so
 * that string order is time order and a time range is one key range: history keys are
 * {@code country|time[|suffix]} (one country's entries by time), window keys {@code time|country} (every
 * country's windows by start, so closing them is one range).
 */
public final class HistoryKeys {
    private HistoryKeys() {
    }

    /** Epoch millis as 15 digits, negative times as zero: key order is time order from 1970 to year 33658. */
    public static String pad(long ms) {
        return String.format("%015d", Math.max(0, ms));
    }

    public static String of(String country, Instant time) {
        return country + "|" + pad(time.toEpochMilli());
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

    /** The key of {@code country}'s window starting at {@code windowStartMs} in the open-window store. */
    public static String window(long windowStartMs, String country) {
        return pad(windowStartMs) + "|" + country;
    }
}
