package org.influencemonitor.processor.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Window arithmetic for epoch-aligned tumbling ({@code advance == size}) and hopping
 * ({@code advance < size}) windows, aligned as Kafka Streams' TimeWindows are.
 */
public record EventWindows(Duration size, Duration advance, Duration grace) {

    public EventWindows {
        if (advance.isZero() || advance.isNegative() || advance.compareTo(size) > 0) {
            throw new IllegalArgumentException("window advance must be positive and at most the window size, got "
                    + advance + " for size " + size);
        }
    }

    public static EventWindows tumbling(Duration size, Duration grace) {
        return new EventWindows(size, size, grace);
    }

    /** Starts of every window containing {@code timestampMs}, oldest first. */
    public List<Long> startsFor(long timestampMs) {
        long sizeMs = size.toMillis();
        long advanceMs = advance.toMillis();
        long last = Math.floorDiv(timestampMs, advanceMs) * advanceMs;
        List<Long> starts = new ArrayList<>();
        for (long start = last; start > timestampMs - sizeMs; start -= advanceMs) {
            starts.add(0, start);
        }
        return starts;
    }

    public long endOf(long windowStartMs) {
        return windowStartMs + size.toMillis();
    }

    /** A window is closed once event time has reached its end plus the grace period. */
    public boolean isClosed(long windowStartMs, long streamTimeMs) {
        return endOf(windowStartMs) + grace.toMillis() <= streamTimeMs;
    }

    /** The latest window start that is closed at {@code streamTimeMs}. */
    public long lastClosedStart(long streamTimeMs) {
        return streamTimeMs - grace.toMillis() - size.toMillis();
    }

    public Instant instant(long ms) {
        return Instant.ofEpochMilli(ms);
    }
}
