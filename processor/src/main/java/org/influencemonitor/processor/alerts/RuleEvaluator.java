package org.influencemonitor.processor.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.Alert;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.SourceCoverage;
import org.influencemonitor.processor.rules.WindowObservation;
import org.influencemonitor.processor.windows.CounterOutput;
import org.influencemonitor.processor.windows.EventWindows;
import org.influencemonitor.processor.windows.WindowTally;

/**
 * Runs the rule engine for the countries of this partition. Each country's state (baselines, actors seen,
 * open incidents) lives in a changelogged store, so with exactly-once processing a restarted instance
 * carries on the same incidents with the same ids and emits nothing twice. The states are also kept in
 * memory, and written back only when the engine changed them: every window update is evaluated (a surge
 * is seen at the article that tips it), and most updates change nothing.
 *
 * <p>A country with no articles produces no windows, yet its incidents must resolve and its baseline
 * must learn that the hour was quiet. So when the counter announces that windows have closed through a
 * given start, every known country whose last closed window is behind is told that the latest closed
 * window was empty; the engine fills the gap. Rules see one tumbling series: with hopping windows, only
 * the windows aligned to the window size.
 *
 * <p>The feeds' coverage ({@link SourceCoverage}) runs here too, on the per-feed counts the counter sends
 * before each window's tallies ({@link CounterOutput.FeedsClosed}): every counting task gets every source
 * clock, so every task computes the same coverage state, and holds its country incidents open during an
 * outage from the same window on. Only the task of partition {@value #FEEDS_PARTITION} sends the
 * {@code coverage} events, so each appears once. The state is one value in a changelogged store, like the
 * countries' states: the store is the truth, the field a cache rebuilt from it after a restart.
 */
public final class RuleEvaluator implements Processor<String, CounterOutput, String, Alert> {
    public static final String STORE = "country-rules";
    /** The coverage state, under {@link #FEEDS_KEY}. */
    public static final String COVERAGE_STORE = "source-coverage";
    public static final String FEEDS_KEY = "feeds";
    /** The counting partition whose task sends the coverage events (and so holds them in its history). */
    public static final int FEEDS_PARTITION = 0;

    private final RuleEngine engine;
    private final EventWindows windows;
    private final AlertMapper mapper;
    private final SourceCoverage watch;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, CountryState> states;
    private KeyValueStore<String, SourceCoverage.State> coverageStore;
    private Map<String, CountryState> cache;
    private SourceCoverage.State feeds;
    private boolean sendsCoverage;

    /** Without the coverage watch (no outage ever holds incidents). */
    public RuleEvaluator(RuleEngine engine, EventWindows windows, AlertMapper mapper) {
        this(engine, windows, mapper, null);
    }

    /** With the coverage watch {@code watch} (null: none); needs {@link #COVERAGE_STORE}. */
    public RuleEvaluator(RuleEngine engine, EventWindows windows, AlertMapper mapper, SourceCoverage watch) {
        this.engine = engine;
        this.windows = windows;
        this.mapper = mapper;
        this.watch = watch;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
        this.coverageStore = watch == null ? null : context.getStateStore(COVERAGE_STORE);
        this.sendsCoverage = context.taskId().partition() == FEEDS_PARTITION;
        // Init runs again when a task is revived after an error: the store is the truth.
        this.cache = new HashMap<>();
        this.feeds = null;
    }

    @Override
    public void process(Record<String, CounterOutput> record) {
        if (record.value() instanceof CounterOutput.FeedsClosed closed) {
            watchFeeds(closed);
        } else if (record.value() instanceof CounterOutput.ClosedThrough closed) {
            closeQuietCountries(closed.windowStart());
        } else if (record.value() instanceof CounterOutput.Tally update) {
            evaluate(update.tally());
        }
    }

    private void evaluate(WindowTally tally) {
        if (!windows.inRuleSeries(tally.windowStart().toEpochMilli())) {
            return;
        }
        CountryState state = state(tally.country());
        WindowObservation observation = ObservationOf.tally(tally);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        RuleEngine.Result result = tally.closed()
                ? engine.onWindowClosed(state, observation, outage(tally.windowStart()))
                : engine.onWindowUpdate(state, observation);
        store(tally.country(), state, result.state());
        result.alerts().forEach(a -> emit(mapper.toAlert(a, tally, now)));
    }

    private SourceCoverage.State feeds() {
        if (feeds == null) {
            SourceCoverage.State stored = coverageStore.get(FEEDS_KEY);
            feeds = stored == null ? SourceCoverage.State.initial() : stored;
        }
        return feeds;
    }

    /** Whether a feed's outage holds the countries' incidents open in the window starting at {@code start}. */
    private boolean outage(Instant start) {
        return watch != null && feeds().gap(start);
    }

    private void watchFeeds(CounterOutput.FeedsClosed closed) {
        if (watch == null || !windows.inRuleSeries(closed.windowStart())) {
            return;
        }
        Instant start = Instant.ofEpochMilli(closed.windowStart());
        SourceCoverage.State before = feeds();
        if (before.lastClosed() != null && !start.isAfter(before.lastClosed())) {
            return;
        }
        Instant end = start.plus(windows.size());
        SourceCoverage.Result result = watch.onWindowClosed(before, start, end, closed.articles());
        feeds = result.state();
        coverageStore.put(FEEDS_KEY, feeds);
        if (sendsCoverage && !result.events().isEmpty()) {
            Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            WindowTally none = WindowTally.empty(SourceCoverage.FEEDS, start, end).close(-1);
            result.events().forEach(e -> emit(mapper.toAlert(e, none, now)));
        }
    }

    private CountryState state(String country) {
        CountryState state = cache.get(country);
        if (state == null) {
            state = states.get(country);
            if (state == null) {
                state = CountryState.initial(country);
            }
            cache.put(country, state);
        }
        return state;
    }

    private void store(String country, CountryState before, CountryState after) {
        if (after != before && !after.equals(before)) {
            cache.put(country, after);
            states.put(country, after);
        }
    }

    /**
     * An alert is stamped with the time it was raised, not the event time of its window: it happens now,
     * and a replay of last year's articles must not produce alerts that retention deletes at once.
     */
    private void emit(Alert alert) {
        context.forward(new Record<>(alert.country(), alert, alert.createdAt().toEpochMilli()));
    }

    private void closeQuietCountries(long closedThrough) {
        long lastClosed = windows.ruleSeriesStart(closedThrough);
        if (lastClosed < 0) {
            return;
        }
        Instant start = Instant.ofEpochMilli(lastClosed);
        Instant end = start.plus(windows.size());
        List<String> behind = new ArrayList<>();
        try (KeyValueIterator<String, CountryState> it = states.all()) {
            it.forEachRemaining(kv -> {
                Instant last = state(kv.key).lastClosedWindowStart();
                if (last == null || last.isBefore(start)) {
                    behind.add(kv.key);
                }
            });
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (String country : behind) {
            CountryState state = state(country);
            RuleEngine.Result result = engine.onWindowClosed(state,
                    WindowObservation.empty(country, start, end).asClosed(), outage(start));
            store(country, state, result.state());
            WindowTally quiet = WindowTally.empty(country, start, end).close(-1);
            result.alerts().forEach(a -> emit(mapper.toAlert(a, quiet, now)));
        }
    }
}
