package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.model.Alert;

/**
 * Watches each source's volume so that a quiet country is never confused with a broken feed. Per source,
 * an hour-of-day baseline of its articles per window (over all countries); a source whose windows have been
 * empty while it was expected to send enough that silence is implausible ({@code P(0) = e^-expected} below
 * {@code p_value} over the silent run) opens a {@code coverage} incident, resolved by its next article.
 * While a source is silent, {@link State#gap} is true and country incidents are held open: their quiet
 * windows may be the outage, not the news calming down. Plain values in and out, like the rules.
 *
 * <p>Coverage events are about the feeds, not a country: they carry the country code {@value #FEEDS}
 * (ISO 3166-1 "user-assigned", used here for "all countries") and the source in the summary.
 */
public final class SourceCoverage {
    public static final String FEEDS = "ZZ";
    /** How long an outage holds country incidents open at most. */
    public static final java.time.Duration HOLD = java.time.Duration.ofHours(24);
    private static final RulesConfig.Baseline BASELINE = new RulesConfig.Baseline(7, 0.5, 1.0, 0.5, 48);
    private final double pValue;

    /** Per source: its baseline, the start of its silent run (null while it sends) and its open incident id. */
    public record Source(HourlyBaseline baseline, Instant silentSince, double silentExpected, String incidentId) {
    }

    /** The state: every source seen, by name. */
    public record State(Map<String, Source> sources) {
        public State {
            sources = Map.copyOf(new TreeMap<>(sources));
        }

        public static State initial() {
            return new State(Map.of());
        }

        /**
         * Whether an outage younger than {@link #HOLD} is open at {@code windowStart}: then country incidents
         * are held. A feed removed for good stops holding them after a day; by then the level has moved.
         */
        public boolean gap(Instant windowStart) {
            return sources.values().stream().anyMatch(s -> s.incidentId() != null
                    && s.silentSince().plus(HOLD).isAfter(windowStart));
        }
    }

    public record Result(State state, List<AlertEvent> events) {
        public Result {
            events = List.copyOf(events);
        }
    }

    public SourceCoverage(double pValue) {
        this.pValue = pValue;
    }

    public static SourceCoverage defaults() {
        return new SourceCoverage(1e-6);
    }

    /** One closed window's articles per source (sources without articles may be left out). */
    public Result onWindowClosed(State state, Instant windowStart, Instant windowEnd, Map<String, Integer> articles) {
        long secs = java.time.Duration.between(windowStart, windowEnd).getSeconds();
        Map<String, Source> next = new TreeMap<>(state.sources());
        articles.keySet().forEach(name -> next.putIfAbsent(name, new Source(HourlyBaseline.empty(), null, 0, null)));
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<String, Source> e : next.entrySet()) {
            String name = e.getKey();
            Source s = e.getValue();
            int n = articles.getOrDefault(name, 0);
            if (n > 0) {
                if (s.incidentId() != null) {
                    events.add(event(s.incidentId(), name, windowStart, windowEnd, n, s, Alert.Status.RESOLVED,
                            String.format(Locale.ROOT, "Coverage restored: source %s sends again (%d articles in %s); "
                                    + "it was silent since %s.", name, n, label(windowStart, windowEnd),
                                    WindowObservation.dayTime(s.silentSince()))));
                }
                e.setValue(new Source(s.baseline().add(windowStart, n, 1, BASELINE, secs), null, 0, null));
                continue;
            }
            double expected = 0;
            if (s.baseline().warm(BASELINE, secs)) {
                double[] post = s.baseline().posterior(windowStart, BASELINE);
                expected = post[0] / post[1];
            }
            Instant since = s.silentSince() == null ? windowStart : s.silentSince();
            double runExpected = s.silentExpected() + expected;
            String id = s.incidentId();
            if (id == null && runExpected > 0 && Math.exp(-runExpected) < pValue) {
                id = IncidentTracker.alertId(RuleKind.COVERAGE, name, since);
                events.add(event(id, name, windowStart, windowEnd, 0, new Source(s.baseline(), since, runExpected, id),
                        Alert.Status.FIRING, String.format(Locale.ROOT,
                                "Source %s is silent since %s: %.0f articles were expected from it in that time. "
                                        + "Countries may look quiet because of it; their incidents are held open.",
                                name, WindowObservation.dayTime(since), runExpected)));
            }
            // A silent window is not learned: an outage must not teach the baseline that silence is normal.
            e.setValue(new Source(s.baseline(), since, runExpected, id));
        }
        return new Result(new State(next), events);
    }

    private static AlertEvent event(String id, String source, Instant start, Instant end, int articles, Source s,
                                    Alert.Status status, String summary) {
        // threshold 1: one article in a window is what "sending" means
        return new AlertEvent(id, RuleKind.COVERAGE, FEEDS, start, end, articles, 1, Alert.Severity.WARNING, status,
                s.silentExpected(), s.silentExpected(), summary, List.of(), List.of(), s.silentSince(),
                status == Alert.Status.FIRING ? 0 : 1);
    }

    private static String label(Instant start, Instant end) {
        return WindowObservation.empty(FEEDS, start, end).label();
    }
}
