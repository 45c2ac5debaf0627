package org.influencemonitor.processor.windows;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a counting partition knows of the source partitions' clocks: each one's watermark, whether it is
 * idle, and its counts of relevant articles per window. Plain Java; the counter keeps it in memory and
 * each source's part in a store.
 *
 * <p>The event time up to which windows may close is the lowest watermark of the active sources; when
 * every source is idle, the highest (time has moved on as far as anyone knows). Until every one of the
 * {@code expected} sources has spoken, nothing moves: a source not heard from yet may still hold articles
 * for the earliest windows (a processor started before a replay must not let the first partition to
 * receive articles race ahead of the others), so a new deployment starts counting once every partition
 * has had an article or a {@code monitor.clock} tick. Sources stay known across restarts (the counter
 * stores them).
 */
public final class SourceClocks {
    /**
     * One source's latest clock, with its counts per window start merged over its signals: relevant
     * articles ({@code totals}) and articles per feed ({@code sources}, absent in records stored before
     * issue 12).
     */
    public record Source(long watermark, boolean idle, Map<Long, Integer> totals,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Long, Map<String, Integer>> sources) {
        public Source {
            totals = totals == null ? Map.of() : Map.copyOf(totals);
            sources = sources == null ? Map.of() : Map.copyOf(sources);
        }

        public Source(long watermark, boolean idle, Map<Long, Integer> totals) {
            this(watermark, idle, totals, Map.of());
        }
    }

    private final int expected;
    private final Map<Integer, Source> sources = new HashMap<>();

    public SourceClocks(int expected) {
        this.expected = expected;
    }

    /** Takes a source's signal and returns the source's merged state (to be stored). */
    public Source update(CountingSignal.SourceClock clock) {
        Source before = sources.get(clock.partition());
        Map<Long, Integer> totals = new TreeMap<>(before == null ? Map.of() : before.totals());
        totals.putAll(clock.totals());
        Map<Long, Map<String, Integer>> feeds = new TreeMap<>(before == null ? Map.of() : before.sources());
        feeds.putAll(clock.sources());
        long watermark = before == null ? clock.watermark() : Math.max(before.watermark(), clock.watermark());
        Source after = new Source(watermark, clock.idle(), totals, feeds);
        sources.put(clock.partition(), after);
        return after;
    }

    /**
     * A source's event time as a mention from it shows it: it is active and has come this far. Kept in
     * memory only; the source's next clock signal brings the stored state up to date.
     */
    public void observe(int partition, long time) {
        Source before = sources.get(partition);
        if (before == null) {
            sources.put(partition, new Source(time, false, Map.of()));
        } else if (time > before.watermark() || before.idle()) {
            sources.put(partition, new Source(Math.max(time, before.watermark()), false, before.totals(),
                    before.sources()));
        }
    }

    public void restore(int partition, Source source) {
        sources.put(partition, source);
    }

    /** The event time every window ending (with grace) at or before it may close at; MIN_VALUE if none. */
    public long watermark() {
        int count = expected;
        for (int p : sources.keySet()) {
            count = Math.max(count, p + 1);
        }
        long lowestActive = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int p = 0; p < count; p++) {
            Source s = sources.get(p);
            if (s == null) {
                return Long.MIN_VALUE;
            }
            highest = Math.max(highest, s.watermark());
            if (!s.idle()) {
                lowestActive = Math.min(lowestActive, s.watermark());
            }
        }
        return lowestActive == Long.MAX_VALUE ? highest : lowestActive;
    }

    /**
     * Whether every mention stamped with source time {@code time} by source {@code partition} can be counted
     * now without a mention that sorts before it (by source time, then source partition) still to come.
     * A source sends its mentions in order and never one stamped before its watermark, so everything
     * before the lowest watermark has arrived. At the lowest watermark itself, a lower-numbered active
     * source standing exactly there may still send a mention of that time, which comes first.
     */
    public boolean passed(long time, int partition) {
        long gate = watermark();
        if (time != gate) {
            return time < gate;
        }
        for (int p = 0; p < partition; p++) {
            Source s = sources.get(p);
            if (s != null && !s.idle() && s.watermark() <= time) {
                return false;
            }
        }
        return true;
    }

    /** Relevant articles over every source in the window starting at {@code windowStart}; -1 if none known. */
    public int total(long windowStart) {
        int sum = 0;
        boolean known = false;
        for (Source s : sources.values()) {
            Integer n = s.totals().get(windowStart);
            if (n != null) {
                sum += n;
                known = true;
            }
        }
        return known ? sum : -1;
    }

    /**
     * Articles per feed over every source partition in the window starting at {@code windowStart}, by
     * name; a feed no partition counted is absent.
     */
    public Map<String, Integer> feeds(long windowStart) {
        Map<String, Integer> sum = new TreeMap<>();
        for (Source s : sources.values()) {
            Map<String, Integer> counts = s.sources().get(windowStart);
            if (counts != null) {
                counts.forEach((name, n) -> sum.merge(name, n, Integer::sum));
            }
        }
        return sum;
    }

    /**
     * Forgets the counts of windows starting at or before {@code windowStart}; returns the partitions
     * whose state changed (to be stored again).
     */
    public Map<Integer, Source> forgetThrough(long windowStart) {
        Map<Integer, Source> changed = new HashMap<>();
        sources.forEach((p, s) -> {
            if (s.totals().keySet().stream().anyMatch(start -> start <= windowStart)
                    || s.sources().keySet().stream().anyMatch(start -> start <= windowStart)) {
                Map<Long, Integer> kept = new TreeMap<>(s.totals());
                kept.keySet().removeIf(start -> start <= windowStart);
                Map<Long, Map<String, Integer>> keptFeeds = new TreeMap<>(s.sources());
                keptFeeds.keySet().removeIf(start -> start <= windowStart);
                changed.put(p, new Source(s.watermark(), s.idle(), kept, keptFeeds));
            }
        });
        sources.putAll(changed);
        return changed;
    }
}
