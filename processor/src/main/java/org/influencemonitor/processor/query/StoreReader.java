package org.influencemonitor.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.processor.alerts.RuleEvaluator;
import org.influencemonitor.processor.history.AlertHistory;
import org.influencemonitor.processor.history.HistoryKeys;
import org.influencemonitor.processor.history.WindowHistory;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.SourceCoverage;
import org.influencemonitor.processor.windows.CountingSignal;
import org.influencemonitor.processor.windows.WindowTally;
import org.influencemonitor.processor.windows.WindowedMentionCounter;

/**
 * Reads the processor's queryable stores on this instance and shapes what they hold into answers. It
 * knows the key layouts (see {@link HistoryKeys} and {@link WindowedMentionCounter}) and nothing about
 * HTTP or about other instances, so it can be tested against in-memory stores.
 */
final class StoreReader {
    /** Sorts above every key suffix: {@code CC|\uffff} is past every key of country CC. */
    private static final String END = "\uffff";

    /** Alerts newest first: latest window first, then within a window the latest update first. */
    static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::windowStart)
            .thenComparing(StoreReader::updateOf)
            .thenComparing(a -> a.status() == Alert.Status.RESOLVED)
            .thenComparing(Alert::rule)
            .reversed();

    /** Incidents by country, then rule. */
    static final Comparator<Alert> BY_COUNTRY_AND_RULE = Comparator.comparing(Alert::country).thenComparing(Alert::rule);

    private final LocalStores stores;

    StoreReader(LocalStores stores) {
        this.stores = stores;
    }

    /**
     * {@code country}'s windows whose start is in [from, to) ({@code to} null: no upper bound), by start.
     * Closed windows come from the history, open ones from the counter; a window read in both (it closed
     * between the two reads, which is why the open ones are read first) is reported closed.
     */
    List<MentionWindow> windows(String country, Instant from, Instant to, Integer partition) {
        long fromMs = Math.max(0, from.toEpochMilli());
        if (to != null && to.toEpochMilli() <= fromMs) {
            return List.of();
        }
        Map<Instant, MentionWindow> byStart = new TreeMap<>();
        String suffix = "|" + country;
        ReadOnlyKeyValueStore<String, WindowTally> open = stores.store(WindowedMentionCounter.STORE, partition);
        String openTo = to == null ? END : pad(to.toEpochMilli() - 1) + "|" + END;
        Map<Instant, WindowTally> tallies = new TreeMap<>();
        for (WindowTally tally : read(open, pad(fromMs), openTo, key -> key.endsWith(suffix))) {
            tallies.put(tally.windowStart(), tally);
        }
        addHeld(tallies, country, fromMs, to, partition);
        tallies.forEach((start, tally) -> byStart.put(start, tally.toEvent()));
        ReadOnlyKeyValueStore<String, MentionWindow> closed = stores.store(WindowHistory.STORE, partition);
        String closedTo = to == null ? country + "|" + END : HistoryKeys.to(country, to.minusMillis(1));
        for (MentionWindow window : read(closed, HistoryKeys.from(country, Instant.ofEpochMilli(fromMs)), closedTo, key -> true)) {
            byStart.put(window.windowStart(), window);
        }
        return List.copyOf(byStart.values());
    }

    /**
     * Adds the mentions the counter holds back until slower source partitions catch up: counted later, but
     * already in, so a query sees them. The held set is small (what one source is ahead of another), so it
     * is read whole. A mention counted between the two reads is counted twice in that one answer.
     */
    private void addHeld(Map<Instant, WindowTally> tallies, String country, long fromMs, Instant to, Integer partition) {
        ReadOnlyKeyValueStore<String, CountingSignal.Mention> held = stores.store(WindowedMentionCounter.HELD_STORE, partition);
        for (CountingSignal.Mention mention : read(held, pad(0), END, key -> key.endsWith("|" + country))) {
            for (long start : mention.windows()) {
                Instant windowStart = Instant.ofEpochMilli(start);
                if (start < fromMs || (to != null && !windowStart.isBefore(to))) {
                    continue;
                }
                WindowTally tally = tallies.get(windowStart);
                if (tally == null) {
                    tally = WindowTally.empty(country, windowStart, windowStart.plusMillis(mention.windowSizeMs()));
                }
                tallies.put(windowStart, tally.add(mention));
            }
        }
    }

    /** {@code country}'s latest {@code limit} alert events, newest first. */
    List<Alert> alerts(String country, int limit, Integer partition) {
        ReadOnlyKeyValueStore<String, Alert> history = stores.store(AlertHistory.HISTORY_STORE, partition);
        return read(history, country + "|", country + "|" + END, key -> true).stream()
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    /** The open incidents of {@code country}, or of every country this instance hosts when it is null. */
    List<Alert> incidents(String country, Integer partition) {
        ReadOnlyKeyValueStore<String, Alert> open = stores.store(AlertHistory.OPEN_STORE, partition);
        List<Alert> found;
        if (country == null) {
            found = new ArrayList<>();
            try (KeyValueIterator<String, Alert> it = open.all()) {
                it.forEachRemaining(kv -> found.add(kv.value));
            }
        } else {
            found = read(open, country + "|", country + "|" + END, key -> true);
        }
        return found.stream().sorted(BY_COUNTRY_AND_RULE).toList();
    }

    /** The rule state of every country this instance hosts (the countries it owns), by country. */
    List<CountryState> countryStates() {
        ReadOnlyKeyValueStore<String, CountryState> rules = stores.store(RuleEvaluator.STORE, null);
        List<CountryState> found = new ArrayList<>();
        try (KeyValueIterator<String, CountryState> it = rules.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    found.add(kv.value);
                }
            });
        }
        found.sort(Comparator.comparing(CountryState::country));
        return found;
    }

    /** The feeds' coverage state of every counting task this instance hosts (each task computes the same). */
    List<SourceCoverage.State> coverageStates() {
        ReadOnlyKeyValueStore<String, SourceCoverage.State> coverage = stores.store(RuleEvaluator.COVERAGE_STORE, null);
        List<SourceCoverage.State> found = new ArrayList<>();
        try (KeyValueIterator<String, SourceCoverage.State> it = coverage.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    found.add(kv.value);
                }
            });
        }
        return found;
    }

    /** {@code country}'s rule state, if the rules have seen it. */
    Optional<CountryState> countryState(String country, Integer partition) {
        ReadOnlyKeyValueStore<String, CountryState> rules = stores.store(RuleEvaluator.STORE, partition);
        return Optional.ofNullable(rules.get(country));
    }

    /**
     * Open incidents gathered from several instances as one list by country and rule. An incident reported
     * twice (its partition moved while the instances were asked) is kept once, in its latest version.
     */
    static List<Alert> mergeIncidents(Collection<? extends Collection<Alert>> parts) {
        Map<String, Alert> byIncident = new TreeMap<>();
        Comparator<Alert> older = NEWEST_FIRST.reversed();
        for (Collection<Alert> part : parts) {
            for (Alert alert : part) {
                byIncident.merge(AlertHistory.incidentKey(alert), alert,
                        (a, b) -> older.compare(a, b) >= 0 ? a : b);
            }
        }
        return byIncident.values().stream().sorted(BY_COUNTRY_AND_RULE).toList();
    }

    private static <V> List<V> read(ReadOnlyKeyValueStore<String, V> store, String from, String to, Predicate<String> keys) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (kv.value != null && keys.test(kv.key)) {
                    values.add(kv.value);
                }
            }
        }
        return values;
    }

    private static int updateOf(Alert alert) {
        return alert.update() == null ? 0 : alert.update();
    }

    private static String pad(long ms) {
        return HistoryKeys.pad(ms);
    }
}
