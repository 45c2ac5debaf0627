package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts distinct relevant articles per country in tumbling event-time windows, and closes windows as
 * event time passes their end plus grace.
 *
 * <p>This is a processor rather than the DSL's windowed aggregate for two reasons: a window must close
 * (and emit its final tally) when event time moves on even if its country gets no more articles, which
 * the clock signals make possible; and the tally keeps article ids, so that the same article ingested
 * twice counts once. State lives in a changelogged store keyed by {@code windowStart|country}, zero-padded
 * so that key order is time order and closing is one range scan.
 */
public final class WindowedMentionCounter implements Processor<String, CountrySignal, String, WindowTally> {
    public static final String STORE = "country-windows";
    private static final Logger LOG = LoggerFactory.getLogger(WindowedMentionCounter.class);

    private final TumblingWindows windows;
    private ProcessorContext<String, WindowTally> context;
    private KeyValueStore<String, WindowTally> store;

    public WindowedMentionCounter(TumblingWindows windows) {
        this.windows = windows;
    }

    @Override
    public void init(ProcessorContext<String, WindowTally> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
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
        long start = windows.startOf(eventTime);
        if (windows.isClosed(start, streamTime)) {
            LOG.warn("Late article {} about {}: event time {} is past its window's grace (stream time {}); not counted",
                    mention.articleId(), mention.country(), Instant.ofEpochMilli(eventTime), Instant.ofEpochMilli(streamTime));
            return;
        }
        String key = key(start, mention.country());
        WindowTally before = store.get(key);
        if (before == null) {
            before = WindowTally.empty(mention.country(), windows.instant(start), windows.instant(windows.endOf(start)));
        }
        WindowTally after = before.add(mention);
        if (after != before) {
            store.put(key, after);
            context.forward(new Record<>(mention.country(), after, eventTime));
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
            context.forward(new Record<>(closed.country(), closed, windowEnd - 1));
        }
    }

    static String key(long windowStart, String country) {
        return pad(windowStart) + "|" + country;
    }

    private static String pad(long ms) {
        return String.format("%015d", ms);
    }
}
