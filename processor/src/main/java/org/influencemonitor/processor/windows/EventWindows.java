package org.influencemonitor.processor.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Window arithmetic for epoch-aligned tumbling ({@code advance == size}) and hopping
 * ({@code advance < size}) windows, aligned as Kafka Streams' TimeWindows are. The one owner of window
 * alignment: the counter, the rules, the clock and the replay's closing tick all ask here.
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
        long last = latestStart(timestampMs);
        List<Long> starts = new ArrayList<>();
        for (long start = last; start > timestampMs - sizeMs; start -= advanceMs) {
            starts.add(0, start);
        }
        return starts;
    }

    /** The start of the latest window containing {@code timestampMs}. */
    public long latestStart(long timestampMs) {
        return alignDown(timestampMs, advance.toMillis());
    }

    public long endOf(long windowStartMs) {
        return windowStartMs + size.toMillis();
    }

    /** A window is closed once event time has reached its end plus the grace period. */
    public boolean isClosed(long windowStartMs, long streamTimeMs) {
        return endOf(windowStartMs) + grace.toMillis() <= streamTimeMs;
    }

    /** The latest window start that is closed at {@code streamTimeMs} (not necessarily aligned). */
    public long lastClosedStart(long streamTimeMs) {
        return streamTimeMs - grace.toMillis() - size.toMillis();
    }

    /** The start of the latest window, of those that exist, that is closed at {@code streamTimeMs}. */
    public long closedThrough(long streamTimeMs) {
        return latestStart(lastClosedStart(streamTimeMs));
    }

    /**
     * When every window containing {@code latestMs} has closed: the end of the latest of them plus grace.
     * A replay that moves the clock there closes every window it opened.
     */
    public Instant allClosedAfter(Instant latest) {
        return Instant.ofEpochMilli(endOf(latestStart(latest.toEpochMilli())) + grace.toMillis());
    }

    /**
     * Whether the window starting at {@code windowStartMs} belongs to the tumbling series the rules see:
     * with hopping windows, only those aligned to the window size.
     */
    public boolean inRuleSeries(long windowStartMs) {
        return Math.floorMod(windowStartMs, size.toMillis()) == 0;
    }

    /** The start of the latest rule-series window starting at or before {@code ms}. */
    public long ruleSeriesStart(long ms) {
        return alignDown(ms, size.toMillis());
    }

    /** {@code ms} rounded down to a multiple of {@code stepMs}, also for negative times. */
    public static long alignDown(long ms, long stepMs) {
        return Math.floorDiv(ms, stepMs) * stepMs;
    }

    public Instant instant(long ms) {
        return Instant.ofEpochMilli(ms);
    }
}
