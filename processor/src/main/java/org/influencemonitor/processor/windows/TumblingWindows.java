package org.influencemonitor.processor.windows;

import java.time.Duration;
import java.time.Instant;

/** Window arithmetic for epoch-aligned tumbling windows, the same alignment Kafka Streams' TimeWindows uses. */
public record TumblingWindows(Duration size, Duration grace) {

    public long startOf(long timestampMs) {
        long sizeMs = size.toMillis();
        return Math.floorDiv(timestampMs, sizeMs) * sizeMs;
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
