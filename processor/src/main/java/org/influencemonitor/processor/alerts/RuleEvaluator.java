package org.influencemonitor.processor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.Alert;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.WindowObservation;
import org.influencemonitor.processor.windows.CounterOutput;
import org.influencemonitor.processor.windows.EventWindows;
import org.influencemonitor.processor.windows.WindowTally;

/**
 * Runs the rule engine for the countries of this partition. Each country's state (baselines, actors seen,
 * open incidents) lives in a changelogged store, so with exactly-once processing a restarted instance
 * carries on the same incidents with the same ids and emits nothing twice.
 *
 * <p>A country with no articles produces no windows, yet its incidents must resolve and its baseline
 * must learn that the hour was quiet. So when the counter announces that windows have closed through a
 * given start, every known country whose last closed window is behind is told that the latest closed
 * window was empty; the engine fills the gap. Rules see one tumbling series: with hopping windows, only
 * the windows aligned to the window size.
 */
public final class RuleEvaluator implements Processor<String, CounterOutput, String, Alert> {
    public static final String STORE = "country-rules";
    /** Relevant articles over all countries per window start, for the share rule. */
    public static final String TOTALS_STORE = "window-totals";

    private final RuleEngine engine;
    private final EventWindows windows;
    private final AlertMapper mapper;
    private final Duration retention;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, CountryState> states;
    private KeyValueStore<String, Integer> totals;

    public RuleEvaluator(RuleEngine engine, EventWindows windows, AlertMapper mapper, Duration retention) {
        this.engine = engine;
        this.windows = windows;
        this.mapper = mapper;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
        this.totals = context.getStateStore(TOTALS_STORE);
    }

    @Override
    public void process(Record<String, CounterOutput> record) {
        CounterOutput output = record.value();
        if (output.closedThrough() != null) {
            closeQuietCountries(output.closedThrough());
            return;
        }
        if (!output.isTally()) {
            return;
        }
        WindowTally tally = output.tally();
        if (Math.floorMod(tally.windowStart().toEpochMilli(), windows.size().toMillis()) != 0) {
            return;
        }
        if (tally.isTotal()) {
            recordTotal(tally);
            return;
        }
        CountryState state = states.get(tally.country());
        if (state == null) {
            state = CountryState.initial(tally.country());
        }
        Integer total = totals.get(totalKey(tally.windowStart().toEpochMilli()));
        WindowObservation observation = ObservationOf.tally(tally, total == null ? -1 : total);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        RuleEngine.Result result = tally.closed()
                ? engine.onWindowClosed(state, observation, now)
                : engine.onWindowUpdate(state, observation, now);
        states.put(tally.country(), result.state());
        result.alerts().forEach(a -> emit(mapper.toAlert(a, tally, now)));
    }

    /**
     * An alert is stamped with the time it was raised, not the event time of its window: it happens now,
     * and a replay of last year's articles must not produce alerts that retention deletes at once.
     */
    private void emit(Alert alert) {
        context.forward(new Record<>(alert.country(), alert, alert.createdAt().toEpochMilli()));
    }

    /**
     * Totals arrive as the all-countries window fills; a country's window closes in the same pass as the
     * total's, before it in key order, so the running total is already complete when the country closes.
     */
    private void recordTotal(WindowTally total) {
        long start = total.windowStart().toEpochMilli();
        totals.put(totalKey(start), total.articles());
        if (total.closed()) {
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, Integer> it = totals.range(null, totalKey(start - retention.toMillis()))) {
                it.forEachRemaining(kv -> old.add(kv.key));
            }
            old.forEach(totals::delete);
        }
    }

    private static String totalKey(long windowStart) {
        return String.format("%015d", Math.max(0, windowStart));
    }

    private void closeQuietCountries(long closedThrough) {
        long sizeMs = windows.size().toMillis();
        long lastClosed = Math.floorDiv(closedThrough, sizeMs) * sizeMs;
        if (lastClosed < 0) {
            return;
        }
        Instant start = Instant.ofEpochMilli(lastClosed);
        Instant end = start.plus(windows.size());
        List<KeyValue<String, CountryState>> behind = new ArrayList<>();
        try (KeyValueIterator<String, CountryState> it = states.all()) {
            it.forEachRemaining(kv -> {
                Instant last = kv.value.lastClosedWindowStart();
                if (last == null || last.isBefore(start)) {
                    behind.add(kv);
                }
            });
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (KeyValue<String, CountryState> entry : behind) {
            RuleEngine.Result result = engine.onWindowClosed(entry.value,
                    WindowObservation.empty(entry.key, start, end).asClosed(), now);
            states.put(entry.key, result.state());
            WindowTally quiet = WindowTally.empty(entry.key, start, end).close();
            result.alerts().forEach(a -> emit(mapper.toAlert(a, quiet, now)));
        }
    }
}
