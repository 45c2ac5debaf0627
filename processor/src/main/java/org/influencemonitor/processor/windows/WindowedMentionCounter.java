package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.LateArticle;

/**
 * Counts distinct relevant articles per country in event-time windows (tumbling or hopping), closes
 * windows as event time passes their end plus grace, and then announces how far windows are closed.
 *
 * <p>This is a processor rather than the DSL's windowed aggregate for three reasons: a window must close
 * (and emit its final tally) when event time moves on even if its country gets no more articles, which
 * the clock signals make possible; the tally keeps article ids, so that the same article ingested twice
 * counts once; and an article too late for its window is passed on to {@code articles.late} instead of
 * being dropped. State lives in a changelogged store keyed by {@code windowStart|country}, zero-padded so
 * that key order is time order and closing is one range scan.
 */
public final class WindowedMentionCounter implements Processor<String, CountrySignal, String, CounterOutput> {
    public static final String STORE = "country-windows";
    public static final String LATE_SENSOR = "late-articles";

    private final EventWindows windows;
    private ProcessorContext<String, CounterOutput> context;
    private KeyValueStore<String, WindowTally> store;
    private Sensor lateArticles;
    private long announcedThrough = Long.MIN_VALUE;

    public WindowedMentionCounter(EventWindows windows) {
        this.windows = windows;
    }

    @Override
    public void init(ProcessorContext<String, CounterOutput> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        // Metrics "late-articles-rate" and "late-articles-total" in group stream-influence-monitor-metrics.
        this.lateArticles = context.metrics().addRateTotalSensor("influence-monitor", "task-" + context.taskId(),
                LATE_SENSOR, Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, CountrySignal> record) {
        long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
        CountrySignal signal = record.value();
        if (signal != null && !signal.isClock()) {
            count(signal, record.timestamp(), streamTime);
        }
        closeWindows(streamTime);
    }

    private void count(CountrySignal mention, long eventTime, long streamTime) {
        for (long start : windows.startsFor(eventTime)) {
            if (windows.isClosed(start, streamTime)) {
                if (mention.kind() == CountrySignal.Kind.TOTAL) {
                    continue; // the article's own country mentions report it late
                }
                lateArticles.record();
                context.forward(new Record<>(mention.country(), CounterOutput.of(new LateArticle(1, mention.articleId(),
                        mention.url(), mention.title(), mention.country(), Instant.ofEpochMilli(eventTime),
                        windows.instant(start), windows.instant(windows.endOf(start)), Instant.ofEpochMilli(streamTime))),
                        eventTime));
                continue;
            }
            String key = key(start, mention.country());
            WindowTally before = store.get(key);
            if (before == null) {
                before = WindowTally.empty(mention.country(), windows.instant(start), windows.instant(windows.endOf(start)));
            }
            WindowTally after = before.add(mention);
            if (after != before) {
                store.put(key, after);
                context.forward(new Record<>(mention.country(), CounterOutput.of(after), eventTime));
            }
        }
    }

    private void closeWindows(long streamTime) {
        long lastClosed = windows.lastClosedStart(streamTime);
        if (lastClosed < 0) {
            return;
        }
        List<KeyValue<String, WindowTally>> closing = new ArrayList<>();
        try (KeyValueIterator<String, WindowTally> it = store.range(null, pad(lastClosed + 1))) {
            it.forEachRemaining(closing::add);
        }
        for (KeyValue<String, WindowTally> entry : closing) {
            WindowTally closed = entry.value.close();
            store.delete(entry.key);
            long windowEnd = closed.windowEnd().toEpochMilli();
            context.forward(new Record<>(closed.country(), CounterOutput.of(closed), windowEnd - 1));
        }
        // Announced from memory: after a restart the first announcement repeats, which downstream ignores.
        long through = Math.floorDiv(lastClosed, windows.advance().toMillis()) * windows.advance().toMillis();
        if (through > announcedThrough) {
            announcedThrough = through;
            context.forward(new Record<>(ClockSignals.KEY, CounterOutput.closedThrough(through), through));
        }
    }

    static String key(long windowStart, String country) {
        return pad(windowStart) + "|" + country;
    }

    private static String pad(long ms) {
        return String.format("%015d", ms);
    }
}
