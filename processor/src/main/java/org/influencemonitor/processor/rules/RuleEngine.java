package org.influencemonitor.processor.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerting rules over one country's windows. Stateless itself: all memory is in the {@link CountryState}
 * passed in and returned, so the caller may keep it anywhere. Deterministic: the outputs depend only on the
 * configuration, the calendar, the state and the observation. Each rule judges and learns on its own
 * ({@link Rule}); the {@link IncidentTracker} turns the verdicts into incidents. Windows without articles
 * are filled in as zero windows when the next window closes.
 */
public final class RuleEngine {
    /** Longest gap (in windows) filled with zero windows; older parts of a gap have decayed away anyway. */
    static final int MAX_GAP_WINDOWS = 24 * 28;

    private final RulesConfig config;
    private final ElectionCalendar calendar;
    private final SpikeRule spike;
    /** In the order their events are emitted for one window. */
    private final List<Rule> rules;
    private final IncidentTracker incidents;
    private final VolumeLevel level;

    public RuleEngine(RulesConfig config, ElectionCalendar calendar) {
        this.config = Objects.requireNonNull(config, "config");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.spike = new SpikeRule(config.spike());
        this.rules = List.of(new ThresholdRule(config.threshold()), spike, new ShareRule(config.share()),
                new NarrativeRule(config.narrative()), new NewActorRule(config.newActor()));
        this.incidents = new IncidentTracker(config.quietWindowsToResolve());
        this.level = new VolumeLevel(config.level());
    }

    /** What a call returns: the state to store and the events to publish, in order. */
    public record Result(CountryState state, List<AlertEvent> alerts) {
        public Result {
            alerts = List.copyOf(alerts);
        }
    }

    /** The id every event of one incident carries: it depends only on the rule, the country and the first window. */
    public static String alertId(RuleKind rule, String country, Instant incidentStart) {
        return IncidentTracker.alertId(rule, country, incidentStart);
    }

    /**
     * Early evaluation of an open window by the rules that judge partial counts. Baselines are not touched.
     * Early evaluation only opens incidents: an open incident is updated once per window, when the window
     * closes, with its final counts, so that a surge is seen within seconds but an incident never sends two
     * updates for one window.
     */
    public Result onWindowUpdate(CountryState state, WindowObservation w) {
        checkCountry(state, w);
        CountryState s = state.observe(w.windowStart());
        if (s.lastClosedWindowStart() != null && !w.windowStart().isAfter(s.lastClosedWindowStart())) {
            return new Result(s, List.of());   // an update of a window already closed: nothing to say
        }
        WindowContext base = WindowContext.of(w, calendar, config.preElection());
        WindowContext ctx = situated(s, w, base, level.read(s, w, base.windowSeconds()));
        List<AlertEvent> alerts = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.early() || s.incident(rule.kind()).isPresent()) {
                continue;
            }
            Optional<Verdict> v = rule.judge(s, w, ctx);
            if (v.isPresent() && v.get().breach()) {
                s = incidents.breach(s, rule.kind(), w, v.get(), severity(rule, v.get(), ctx), false, alerts);
            }
        }
        return new Result(s, alerts);
    }

    /**
     * Final evaluation of a closed window: every rule, incident lifecycle, then what each rule learns. A
     * window at or before the last closed one is ignored (a replayed close).
     */
    public Result onWindowClosed(CountryState state, WindowObservation w) {
        return onWindowClosed(state, w, false);
    }

    /**
     * As {@link #onWindowClosed(CountryState, WindowObservation)}; with {@code outage} (a source is silent,
     * see {@link SourceCoverage}) quiet windows do not count towards resolving an incident: the quiet may be
     * the outage, not the news calming down.
     */
    public Result onWindowClosed(CountryState state, WindowObservation w, boolean outage) {
        checkCountry(state, w);
        CountryState s = state.observe(w.windowStart());
        Instant last = s.lastClosedWindowStart();
        if (last != null && !w.windowStart().isAfter(last)) {
            return new Result(s, List.of());
        }
        List<AlertEvent> alerts = new ArrayList<>();
        Duration size = Duration.between(w.windowStart(), w.windowEnd());
        if (last != null) {
            Instant gapStart = last.plus(size);
            Instant earliest = w.windowStart().minus(size.multipliedBy(MAX_GAP_WINDOWS));
            if (gapStart.isBefore(earliest)) {
                gapStart = earliest;
            }
            for (Instant t = gapStart; t.isBefore(w.windowStart()); t = t.plus(size)) {
                s = close(s, WindowObservation.empty(s.country(), t, t.plus(size)), outage, alerts);
            }
        }
        s = close(s, w.closed() ? w : w.asClosed(), outage, alerts);
        return new Result(s, alerts);
    }

    /** The spike rule's expectation for a window and the count at which it fires there. */
    public record Band(double expected, int bound) {
    }

    /**
     * The spike rule's band for one window of {@code state}'s country, from the baseline as it stands in
     * {@code state} (not as it stood when the window was live): the expected count for that hour and the
     * count at which the rule would fire, pre-election lowering included. Empty while the baseline warms up
     * or when the rule is off. For the dashboard's timelines; alerting does not call it.
     */
    public Optional<Band> spikeBand(CountryState state, Instant windowStart, Instant windowEnd) {
        WindowObservation w = WindowObservation.empty(state.country(), windowStart, windowEnd);
        return spike.band(state, w, WindowContext.of(w, calendar, config.preElection())
                .withLevel(state.levelOrOne(), 1.0));
    }

    private static void checkCountry(CountryState state, WindowObservation w) {
        if (!state.country().equals(w.country())) {
            throw new IllegalArgumentException("observation of " + w.country() + " given to the state of " + state.country());
        }
    }

    /** The window's situation ({@code base}) with its feeds' level as {@code reading} read it. */
    private WindowContext situated(CountryState s, WindowObservation w, WindowContext base, VolumeLevel.Reading reading) {
        WindowContext known = base.withLevel(reading.level(), level.thresholdFactor(s, reading.level()));
        return level.newDay(s, w) ? known.withLevelShape(config.level().newDayShape()) : known;
    }

    private org.influencemonitor.model.Alert.Severity severity(Rule rule, Verdict v, WindowContext ctx) {
        return rule.severity().of(v.score(), ctx.election().isPresent() && config.preElection().raiseSeverity());
    }

    private CountryState close(CountryState s, WindowObservation w, boolean outage, List<AlertEvent> alerts) {
        WindowContext base = WindowContext.of(w, calendar, config.preElection());
        VolumeLevel.Reading reading = level.read(s, w, base.windowSeconds());
        WindowContext ctx = situated(s, w, base, reading);
        List<Optional<Verdict>> verdicts = new ArrayList<>();
        for (Rule rule : rules) {
            verdicts.add(rule.judge(s, w, ctx));   // all against what the state knew before this window
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            Optional<Verdict> v = verdicts.get(i);
            if (v.isPresent() && v.get().breach()) {
                s = incidents.breach(s, rule.kind(), w, v.get(), severity(rule, v.get(), ctx), true, alerts);
            } else if (!outage) {
                s = incidents.notBreached(s, rule.kind(), w, v, alerts);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            s = rules.get(i).learn(s, w, verdicts.get(i), ctx);
        }
        s = level.learn(s, w, reading, ctx.windowSeconds());
        return s.withLastClosed(w.windowStart());
    }
}
