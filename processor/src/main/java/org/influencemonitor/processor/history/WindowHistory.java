package org.influencemonitor.processor.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.processor.windows.WindowTally;

/**
 * Keeps every closed window of the last {@code retention} in a queryable store, so that the query API can
 * answer "counts per country over a time range" from the instance that owns the country. Entries older
 * than the retention are dropped as the country's newer windows close.
 */
public final class WindowHistory implements FixedKeyProcessor<String, WindowTally, WindowTally> {
    public static final String STORE = "window-history";

    private final Duration retention;
    private FixedKeyProcessorContext<String, WindowTally> context;
    private KeyValueStore<String, MentionWindow> store;

    public WindowHistory(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WindowTally> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, WindowTally> record) {
        WindowTally tally = record.value();
        if (tally.closed()) {
            store.put(HistoryKeys.of(tally.country(), tally.windowStart()), tally.toEvent());
            purge(store, tally.country(), tally.windowEnd().minus(retention));
        }
        context.forward(record);
    }

    /** Deletes {@code country}'s entries keyed before {@code cutoff}. */
    static <V> void purge(KeyValueStore<String, V> store, String country, java.time.Instant cutoff) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(HistoryKeys.of(country, java.time.Instant.EPOCH),
                HistoryKeys.of(country, cutoff))) {
            it.forEachRemaining((KeyValue<String, V> kv) -> old.add(kv.key));
        }
        old.forEach(store::delete);
    }
}
