package org.influencemonitor.processor.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.windows.EventWindows;

/**
 * The spike rule's band (expectation and firing count) over a grid of windows, read through the rule
 * engine's one public seam for it, {@link RuleEngine#spikeBand}. The grid is the rules' own series: one
 * window per window size, epoch-aligned, from the first window the country was seen in.
 */
final class BaselineBands {
    /** At most this many windows per answer: a month of hourly windows, as long as the history is kept. */
    static final int MAX_WINDOWS = 24 * 31;

    record Point(Instant windowStart, Instant windowEnd, double expected, int bound) {
    }

    private final RuleEngine engine;
    private final Duration size;

    BaselineBands(RuleEngine engine, EventWindows windows) {
        this.engine = engine;
        this.size = windows.size();
    }

    Duration windowSize() {
        return size;
    }

    /**
     * The band of every window whose start is in [from, to) and not before the country was first seen; the
     * latest {@link #MAX_WINDOWS} of them when there are more. Windows while the baseline warms up are left out.
     */
    List<Point> over(CountryState state, Instant from, Instant to) {
        if (state.firstObserved() == null) {
            return List.of();
        }
        long step = size.toMillis();
        long start = Math.max(from.toEpochMilli(), state.firstObserved().toEpochMilli());
        start = Math.floorDiv(start + step - 1, step) * step;
        long end = to.toEpochMilli();
        if (end <= start) {
            return List.of();
        }
        long windows = (end - start + step - 1) / step;
        if (windows > MAX_WINDOWS) {
            start += (windows - MAX_WINDOWS) * step;
        }
        List<Point> points = new ArrayList<>();
        for (long t = start; t < end; t += step) {
            Instant s = Instant.ofEpochMilli(t);
            Instant e = s.plus(size);
            Optional<RuleEngine.Band> band = engine.spikeBand(state, s, e);
            band.ifPresent(b -> points.add(new Point(s, e, b.expected(), b.bound())));
        }
        return points;
    }

    /** Where a grid without an upper bound ends: after the window the rules will close next. */
    Instant openEnd(CountryState state) {
        Instant last = state.lastClosedWindowStart() != null ? state.lastClosedWindowStart() : state.firstObserved();
        return last == null ? Instant.EPOCH : last.plus(size.multipliedBy(2));
    }
}
