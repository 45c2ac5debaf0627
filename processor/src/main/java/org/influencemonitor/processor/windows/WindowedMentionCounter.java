package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.LateArticle;
import org.influencemonitor.processor.history.HistoryKeys;

/**
 * Counts relevant articles per country in event-time windows (tumbling or hopping), closes windows once
 * every source partition's watermark has passed their end plus grace, and then announces how far windows
 * are closed.
 *
 * <p>This is a processor rather than the DSL's windowed aggregate because a window must close (and emit
 * its final tally) when event time moves on even if its country gets no more articles, and because the
 * event time that closes it is the lowest over the source partitions ({@link SourceClocks}), not this
 * task's own. Mentions arrive deduplicated ({@link MentionRouter}), so one article costs one read and one
 * write of a bounded tally. Open windows live in a changelogged store keyed by
 * {@link HistoryKeys#window}, so that closing is one range scan from where the last one stopped, run only
 * when the watermark moves.
 *
 * <p>A mention stamped after the watermark (its source is ahead of a slower one) is held, and released as
 * the watermark passes it, windows closing in between as they would have. The order of counting is that
 * of the sources' clocks, not of the articles' own times: by the source time a mention was routed at,
 * then the source partition, then its place in that source's stream ({@link #heldKey}). That order is a
 * function of the input alone. Each source's stream is in order and a mention is never stamped before its
 * source's watermark, so nothing that sorts before a released mention can arrive after it, however the
 * three sources' records interleave on the repartition topic, and however a restart or a rebalance
 * changes that interleaving. (Ordering by the article's event time, as this class once did, was not:
 * an article arriving a few minutes after its publication was counted before or after another source's
 * articles depending on which arrived first, which changed evidence, counts at the moment a rule fired,
 * and the baseline a later window was judged against; a SIGKILL and restart showed it.) So the rules see
 * the same sequence of updates and closes in every run of the same input. In a live feed, or through one
 * partition, nothing waits: the watermark is already at the article.
 *
 * <p>How far windows have been announced closed is kept in the clocks store too ({@link #ANNOUNCED_KEY}),
 * so that a restarted task steps through the closes one window start at a time as it would have,
 * instead of closing a stretch of windows in one pass.
 */
public final class WindowedMentionCounter implements Processor<String, CountingSignal, String, CounterOutput> {
    public static final String STORE = "country-windows";
    public static final String CLOCKS_STORE = "source-clocks";
    public static final String HELD_STORE = "held-mentions";
    /** The key under which the clocks store keeps {@link #announcedThrough}: never a partition number. */
    static final int ANNOUNCED_KEY = -1;
    /** More windows closing at once than this (a first start, a clock jump of months) close in one pass. */
    private static final long MAX_STEPS = 10_000;

    private final EventWindows windows;
    private final int sourcePartitions;
    private ProcessorContext<String, CounterOutput> context;
    private KeyValueStore<String, WindowTally> store;
    private KeyValueStore<Integer, SourceClocks.Source> clockStore;
    private KeyValueStore<String, CountingSignal.Mention> heldStore;
    private TreeMap<String, CountingSignal.Mention> held;
    private Sensor lateArticles;
    private SourceClocks clocks;
    private Map<String, WindowTally> open;
    private long watermark;
    private long scannedFrom;
    private long announcedThrough;

    public WindowedMentionCounter(EventWindows windows, int sourcePartitions) {
        this.windows = windows;
        this.sourcePartitions = sourcePartitions;
    }

    @Override
    public void init(ProcessorContext<String, CounterOutput> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.clockStore = context.getStateStore(CLOCKS_STORE);
        this.heldStore = context.getStateStore(HELD_STORE);
        this.lateArticles = context.metrics().addRateTotalSensor("influence-monitor", "task-" + context.taskId(),
                MentionRouter.LATE_SENSOR, Sensor.RecordingLevel.INFO);
        // Init runs again when a task is revived after an error: rebuild everything from the stores.
        this.clocks = new SourceClocks(sourcePartitions);
        this.announcedThrough = Long.MIN_VALUE;
        try (KeyValueIterator<Integer, SourceClocks.Source> it = clockStore.all()) {
            it.forEachRemaining(kv -> {
                if (kv.key == ANNOUNCED_KEY) {
                    announcedThrough = kv.value.watermark();
                } else {
                    clocks.restore(kv.key, kv.value);
                }
            });
        }
        this.open = new HashMap<>();
        this.held = new TreeMap<>();
        try (KeyValueIterator<String, CountingSignal.Mention> it = heldStore.all()) {
            it.forEachRemaining(kv -> held.put(kv.key, kv.value));
        }
        this.watermark = clocks.watermark();
        this.scannedFrom = 0;
    }

    @Override
    public void process(Record<String, CountingSignal> record) {
        if (record.value() instanceof CountingSignal.Mention mention) {
            clocks.observe(mention.sourcePartition(), mention.sourceTime());
            if (held.isEmpty() && clocks.passed(mention.sourceTime(), mention.sourcePartition())) {
                countInOrder(mention);
            } else {
                String key = heldKey(mention, context.recordMetadata().map(m -> m.offset()).orElse(0L));
                held.put(key, mention);
                heldStore.put(key, mention);
            }
        } else if (record.value() instanceof CountingSignal.SourceClock clock) {
            clockStore.put(clock.partition(), clocks.update(clock));
        }
        release();
    }

    /**
     * The key of a held mention, in release order: its source time, its source partition, then
     * {@code sequence} (its offset on the repartition topic, which keeps one source's mentions in the order
     * that source sent them); the article and the country last, so a query can pick a country's.
     */
    public static String heldKey(CountingSignal.Mention mention, long sequence) {
        return HistoryKeys.pad(mention.sourceTime()) + "|" + HistoryKeys.pad(mention.sourcePartition()) + "|"
                + HistoryKeys.pad(sequence) + "|" + mention.articleId() + "|" + mention.country();
    }

    /**
     * Counts the held mentions every source has passed, in release order, closing windows on the way, then
     * closes the windows every source has passed.
     */
    private void release() {
        while (!held.isEmpty()) {
            Map.Entry<String, CountingSignal.Mention> first = held.firstEntry();
            CountingSignal.Mention mention = first.getValue();
            if (!clocks.passed(mention.sourceTime(), mention.sourcePartition())) {
                break;
            }
            held.pollFirstEntry();
            heldStore.delete(first.getKey());
            countInOrder(mention);
        }
        advanceTo(clocks.watermark());
    }

    /** Windows the mention's source time closes are closed first: the source judged it on time after them. */
    private void countInOrder(CountingSignal.Mention mention) {
        advanceTo(mention.sourceTime());
        count(mention, mention.eventTime().toEpochMilli());
    }

    private void advanceTo(long time) {
        if (time > watermark) {
            watermark = time;
            closeWindows();
        }
    }

    private void count(CountingSignal.Mention mention, long eventTime) {
        for (long start : mention.windows()) {
            if (windows.isClosed(start, watermark)) {
                // On time at its source, but that source had gone idle and the window closed without it.
                lateArticles.record();
                context.forward(new Record<>(mention.country(), new CounterOutput.Late(new LateArticle(1,
                        mention.articleId(), mention.url(), mention.title(), mention.country(),
                        Instant.ofEpochMilli(eventTime), windows.instant(start), windows.instant(windows.endOf(start)),
                        Instant.ofEpochMilli(watermark))), eventTime));
                continue;
            }
            String key = HistoryKeys.window(start, mention.country());
            WindowTally before = open.get(key);
            if (before == null) {
                before = store.get(key);
            }
            if (before == null) {
                before = WindowTally.empty(mention.country(), windows.instant(start), windows.instant(windows.endOf(start)));
            }
            // The all-countries total is set at the close, when every source's count is final; a partial
            // one here would depend on which sources' clocks happened to arrive first (and no rule reads it
            // before the close).
            WindowTally after = before.add(mention);
            open.put(key, after);
            store.put(key, after);
            context.forward(new Record<>(mention.country(), new CounterOutput.Tally(after), eventTime));
        }
    }

    /**
     * Closes every window the watermark has passed, window start by window start: each start's windows,
     * then the announcement that windows have closed through it. When the watermark jumps several windows
     * at once (a source quiet for hours), the rules still see each window close in turn, as they would
     * have through one source partition with articles all along.
     */
    private void closeWindows() {
        long through = windows.closedThrough(watermark);
        if (windows.lastClosedStart(watermark) < 0 || through <= announcedThrough) {
            return;
        }
        long step = windows.advance().toMillis();
        long from = announcedThrough == Long.MIN_VALUE || through - announcedThrough > MAX_STEPS * step
                ? through : announcedThrough + step;
        for (long start = from; start <= through; start += step) {
            closeThrough(start);
        }
        clocks.forgetThrough(through).forEach(clockStore::put);
    }

    private void closeThrough(long lastStart) {
        // Every counting task gets every source clock, so every task sends the same feeds for the window.
        if (windows.inRuleSeries(lastStart)) {
            context.forward(new Record<>(ClockSignals.KEY,
                    new CounterOutput.FeedsClosed(lastStart, clocks.feeds(lastStart)), lastStart));
        }
        List<KeyValue<String, WindowTally>> closing = new ArrayList<>();
        try (KeyValueIterator<String, WindowTally> it = store.range(HistoryKeys.pad(scannedFrom),
                HistoryKeys.pad(lastStart) + "|\uffff")) {
            it.forEachRemaining(closing::add);
        }
        scannedFrom = lastStart + 1;
        for (KeyValue<String, WindowTally> entry : closing) {
            long start = entry.value.windowStart().toEpochMilli();
            WindowTally closed = entry.value.close(clocks.total(start));
            store.delete(entry.key);
            open.remove(entry.key);
            context.forward(new Record<>(closed.country(), new CounterOutput.Tally(closed), windows.endOf(start) - 1));
        }
        announcedThrough = lastStart;
        clockStore.put(ANNOUNCED_KEY, new SourceClocks.Source(lastStart, false, Map.of()));
        context.forward(new Record<>(ClockSignals.KEY, new CounterOutput.ClosedThrough(lastStart), lastStart));
    }
}
