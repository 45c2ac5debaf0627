package org.influencemonitor.processor.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerting rules over one country's windows. Stateless itself: all memory is in the {@link CountryState}
 * passed in and returned, so the caller may keep it anywhere. Deterministic: the outputs depend only on the
 * configuration, the calendar, the state and the observation ({@code now} is not used by the rules).
 *
 * <p>Lifecycle per (country, rule): the first breaching window opens an incident and emits {@code firing}
 * with update 0; each later breaching window emits one update with the same alert id; an open window that
 * already emitted is re-emitted at its close only if the close raises the severity; after
 * {@code quiet_windows_to_resolve} consecutive quiet closed windows one {@code resolved} is emitted.
 * Windows without articles are filled in as zero windows when the next window closes.
 */
public final class RuleEngine {
    public static final String THRESHOLD = "threshold";
    public static final String SPIKE = "spike";
    public static final String SHARE = "share";
    public static final String NARRATIVE = "narrative";
    public static final String NEW_ACTOR = "new_actor";
    public static final List<String> RULES = List.of(THRESHOLD, SPIKE, SHARE, NARRATIVE, NEW_ACTOR);

    static final String[] SEVERITIES = {"info", "warning", "critical"};
    /** Longest gap (in windows) filled with zero windows; older parts of a gap have decayed away anyway. */
    static final int MAX_GAP_WINDOWS = 24 * 28;
    private static final int MAX_LISTED = 5;
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RulesConfig config;
    private final ElectionCalendar calendar;

    public RuleEngine(RulesConfig config, ElectionCalendar calendar) {
        this.config = Objects.requireNonNull(config, "config");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** What a call returns: the state to store and the events to publish, in order. */
    public record Result(CountryState state, List<AlertEvent> alerts) {
        public Result {
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * Early evaluation of an open window: threshold, and spike and narrative when the partial count already
     * reaches the count that would fire for the full window. Baselines are not touched. Early evaluation
     * only opens incidents: an open incident is updated once per window, when the window closes, with its
     * final counts, so that a surge is seen within seconds but an incident never sends two updates for one
     * window.
     */
    public Result onWindowUpdate(CountryState state, WindowObservation w, Instant now) {
        checkCountry(state, w);
        CountryState s = state.observe(w.windowStart());
        if (s.lastClosedWindowStart() != null && !w.windowStart().isAfter(s.lastClosedWindowStart())) {
            return new Result(s, List.of());   // an update of a window already closed: nothing to say
        }
        Context ctx = context(w);
        List<AlertEvent> alerts = new ArrayList<>();
        for (String rule : List.of(THRESHOLD, SPIKE, NARRATIVE)) {
            if (s.incident(rule).isPresent()) {
                continue;
            }
            Eval e = evaluate(rule, s, w, ctx);
            if (e != null && e.breach()) {
                s = breach(s, rule, w, e, ctx, false, alerts);
            }
        }
        return new Result(s, alerts);
    }

    /**
     * Final evaluation of a closed window: every rule, incident lifecycle, then the baselines and the actors
     * seen are updated. A window at or before the last closed one is ignored (a replayed close).
     */
    public Result onWindowClosed(CountryState state, WindowObservation w, Instant now) {
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
                s = close(s, WindowObservation.empty(s.country(), t, t.plus(size)), alerts);
            }
        }
        s = close(s, w.closed() ? w : w.asClosed(), alerts);
        return new Result(s, alerts);
    }

    private static void checkCountry(CountryState state, WindowObservation w) {
        if (!state.country().equals(w.country())) {
            throw new IllegalArgumentException("observation of " + w.country() + " given to the state of " + state.country());
        }
    }

    /** The spike rule's expectation for a window and the count at which it fires there. */
    public record Band(double expected, int bound) {
    }

    /**
     * The spike rule's band for one window of {@code state}'s country, from the baseline as it stands in
     * {@code state} (not as it stood when the window was live): the expected count for that hour of day and
     * the count at which the rule would fire, pre-election lowering included. Empty while the baseline warms
     * up or when the rule is off. For the dashboard's timelines; alerting does not call it.
     */
    public Optional<Band> spikeBand(CountryState state, Instant windowStart, Instant windowEnd) {
        WindowObservation w = WindowObservation.empty(state.country(), windowStart, windowEnd);
        Eval e = surge(SPIKE, config.spike(), state.articles(), 0, 1, w, context(w));
        return e == null || e.expected() == null ? Optional.empty() : Optional.of(new Band(e.expected(), e.firing()));
    }

    // ---- evaluation -------------------------------------------------------------------------------------

    /** The pre-election situation of a window. */
    private record Context(double factor, Optional<ElectionCalendar.Election> election, long windowSeconds) {
    }

    private Context context(WindowObservation w) {
        Optional<ElectionCalendar.Election> e = calendar.electionAround(w.country(), w.windowStart(), config.preElection());
        double factor = e.isPresent() ? config.preElection().thresholdFactor() : 1.0;
        return new Context(factor, e, Duration.between(w.windowStart(), w.windowEnd()).getSeconds());
    }

    /**
     * One rule's verdict on one window. {@code firing} is the count at which the rule fires (the value
     * reported as threshold); {@code elevated} means not quiet (hysteresis).
     */
    record Eval(boolean breach, boolean elevated, int count, int firing, double score, Double expected,
                String summary, List<ActorCount> actors) {
    }

    private Eval evaluate(String rule, CountryState s, WindowObservation w, Context ctx) {
        return switch (rule) {
            case THRESHOLD -> config.threshold().enabled() ? threshold(w, ctx) : null;
            case SPIKE -> surge(SPIKE, config.spike(), s.articles(), w.articles(), 1, w, ctx);
            case SHARE -> share(s, w, ctx);
            case NARRATIVE -> surge(NARRATIVE, config.narrative(), s.narrative(), w.stateLinkedFraudArticles(), 1, w, ctx);
            case NEW_ACTOR -> config.newActor().enabled() ? newActor(s, w) : null;
            default -> throw new IllegalStateException(rule);
        };
    }

    private Eval threshold(WindowObservation w, Context ctx) {
        RulesConfig.Threshold t = config.threshold();
        int configured = t.articlesFor(w.country());
        int n = Math.max(1, (int) Math.ceil(configured * ctx.factor() - 1e-9));
        int count = w.articles();
        boolean breach = count >= n;
        boolean elevated = count >= t.resolveFraction() * n;
        double score = (double) count / n;
        String lowered = n < configured ? " (lowered from " + configured + " before the " + electionText(ctx) + ")" : "";
        String summary = String.format(Locale.ROOT, "%d articles about %s in %s, %s the threshold of %d%s.",
                count, w.country(), windowText(w), breach ? "reaching" : "below", n, lowered);
        return new Eval(breach, elevated, count, n, score, null, summary, topActors(w.actors()));
    }

    private Eval share(CountryState s, WindowObservation w, Context ctx) {
        RulesConfig.Surge cfg = config.share();
        if (!cfg.enabled()) {
            return null;
        }
        int total = w.allCountriesArticles();
        if (total < 0 || total < cfg.minTotal() || total == 0) {
            String why = total < 0 ? "the all-countries total is unknown" : "the all-countries total is small";
            return new Eval(false, false, w.articles(), 0, 0, null, "share of " + w.country() + ": silent, " + why + ".",
                    List.of());
        }
        return surge(SHARE, cfg, s.share(), w.articles(), Math.max(total, w.articles()), w, ctx);
    }

    private Eval surge(String rule, RulesConfig.Surge cfg, HourlyBaseline baseline, int count, double exposure,
                       WindowObservation w, Context ctx) {
        if (!cfg.enabled()) {
            return null;
        }
        RulesConfig.Baseline p = cfg.baseline();
        if (!baseline.warm(p, ctx.windowSeconds())) {
            return new Eval(false, false, count, 0, 0, null, rule + " for " + w.country() + ": baseline warming up.",
                    List.of());
        }
        double[] post = baseline.posterior(w.windowStart(), p);
        double a = post[0];
        double b = post[1];
        double expected = exposure * a / b;
        int minCount = Math.max(1, (int) Math.ceil(cfg.minCount() * ctx.factor() - 1e-9));
        double minRatio = Math.max(1.0, cfg.minRatio() * ctx.factor());
        int floor = Math.max(minCount, (int) Math.ceil(minRatio * expected - 1e-9));
        int firing = GammaPoisson.smallestCountBelow(cfg.pValue(), floor, a, b, exposure);
        double tail = GammaPoisson.upperTail(count, a, b, exposure);
        double score = count == 0 ? 0.0 : Math.min(300.0, -Math.log10(Math.max(tail, 1e-300)));
        boolean breach = count >= firing;
        boolean elevated = count > 0 && tail < cfg.resolvePValue() && count >= cfg.resolveRatio() * expected;
        String summary = surgeSummary(rule, w, count, exposure, expected, tail, ctx);
        return new Eval(breach, elevated, count, firing, score, expected, summary, topActors(w.actors()));
    }

    private Eval newActor(CountryState s, WindowObservation w) {
        RulesConfig.NewActor cfg = config.newActor();
        Duration lookBack = Duration.ofDays(cfg.lookBackDays());
        boolean armed = s.firstObserved() != null && !w.windowStart().isBefore(s.firstObserved().plus(lookBack));
        Instant horizon = w.windowStart().minus(lookBack);
        Map<String, ActorSeen> seen = new LinkedHashMap<>();
        for (ActorSeen a : s.actors()) {
            if (!a.lastSeen().isBefore(horizon)) {
                seen.put(a.id(), a);
            }
        }
        List<ActorCount> fresh = w.actors().stream()
                .filter(a -> a.articles() >= cfg.minArticles() && !seen.containsKey(a.id()))
                .sorted(Comparator.comparingInt(ActorCount::articles).reversed().thenComparing(ActorCount::id))
                .toList();
        int count = fresh.stream().mapToInt(ActorCount::articles).sum();
        boolean breach = armed && !fresh.isEmpty();
        String names = String.join(", ", fresh.stream().limit(MAX_LISTED)
                .map(a -> String.format(Locale.ROOT, "%s (%s, %s %s, %d articles)", a.name(), a.id(),
                        a.country(), a.kind(), a.articles())).toList());
        String summary = fresh.isEmpty()
                ? "No new state-linked actor about " + w.country() + " in " + windowText(w) + "."
                : String.format(Locale.ROOT, "New state-linked actor%s about %s in %s: %s; not seen with %s in the last %d days.",
                        fresh.size() > 1 ? "s" : "", w.country(), windowText(w), names, w.country(), cfg.lookBackDays());
        return new Eval(breach, breach, count, cfg.minArticles(), count, null, summary, fresh.stream().limit(MAX_LISTED).toList());
    }

    private String surgeSummary(String rule, WindowObservation w, int count, double exposure, double expected,
                                double tail, Context ctx) {
        String ratio = expected > 0 ? String.format(Locale.ROOT, "%.1f×", count / expected) : "far above";
        String pre = ctx.election().isPresent() ? " Pre-election period: " + electionText(ctx) + "." : "";
        return switch (rule) {
            case SPIKE -> String.format(Locale.ROOT,
                    "Spike in coverage of %s: %d articles in %s, %s the %.1f expected for this hour (p≈%.1e).%s",
                    w.country(), count, windowText(w), ratio, expected, tail, pre);
            case SHARE -> String.format(Locale.ROOT,
                    "%s's share of coverage jumped: %d of %d articles (%.1f%%) in %s, %s its usual %.1f%% (p≈%.1e).%s",
                    w.country(), count, (int) exposure, 100.0 * count / exposure, windowText(w), ratio,
                    100.0 * expected / exposure, tail, pre);
            case NARRATIVE -> String.format(Locale.ROOT,
                    "Election-fraud narrative from state-linked sources surging about %s: %d articles in %s, %s the %.1f expected (p≈%.1e).%s",
                    w.country(), count, windowText(w), ratio, expected, tail, pre);
            default -> throw new IllegalStateException(rule);
        };
    }

    private static String windowText(WindowObservation w) {
        return DAY_TIME.format(w.windowStart()) + "–" + TIME.format(w.windowEnd()) + " UTC";
    }

    private static String electionText(Context ctx) {
        return ctx.election().map(e -> e.type() + " election of " + e.date()).orElse("election");
    }

    private static List<ActorCount> topActors(List<ActorCount> actors) {
        return actors.stream()
                .sorted(Comparator.comparingInt(ActorCount::articles).reversed().thenComparing(ActorCount::id))
                .limit(MAX_LISTED).toList();
    }

    // ---- severity ---------------------------------------------------------------------------------------

    private int severity(String rule, double score, Context ctx) {
        RulesConfig.SeverityBands bands = switch (rule) {
            case THRESHOLD -> config.threshold().severity();
            case SPIKE -> config.spike().severity();
            case SHARE -> config.share().severity();
            case NARRATIVE -> config.narrative().severity();
            case NEW_ACTOR -> config.newActor().severity();
            default -> throw new IllegalStateException(rule);
        };
        int level = 0;
        if (bands.critical() != null && score >= bands.critical()) {
            level = 2;
        } else if (bands.warning() != null && score >= bands.warning()) {
            level = 1;
        }
        if (ctx.election().isPresent() && config.preElection().raiseSeverity()) {
            level = Math.min(2, level + 1);
        }
        return level;
    }

    private static int rank(String severity) {
        for (int i = 0; i < SEVERITIES.length; i++) {
            if (SEVERITIES[i].equals(severity)) {
                return i;
            }
        }
        return -1;
    }

    // ---- incidents --------------------------------------------------------------------------------------

    /** The id every event of one incident carries: it depends only on the rule, the country and the first window. */
    public static String alertId(String rule, String country, Instant incidentStart) {
        String name = rule + "|" + country + "|" + incidentStart;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private CountryState breach(CountryState s, String rule, WindowObservation w, Eval e, Context ctx, boolean closing,
                                List<AlertEvent> alerts) {
        String severity = SEVERITIES[severity(rule, e.score(), ctx)];
        Optional<IncidentState> open = s.incident(rule);
        if (open.isEmpty()) {
            IncidentState inc = new IncidentState(alertId(rule, s.country(), w.windowStart()), rule, w.windowStart(),
                    w.windowStart(), 0, w.windowStart(), severity, e.score(), 0);
            alerts.add(event(inc, w, e, severity, AlertEvent.FIRING, 0));
            return s.withIncident(rule, inc);
        }
        IncidentState inc = open.get();
        boolean newer = w.windowStart().isAfter(inc.lastEmittedWindow());
        boolean escalation = closing && w.windowStart().equals(inc.lastEmittedWindow())
                && rank(severity) > rank(inc.lastEmittedSeverity());
        Instant lastBreach = w.windowStart().isAfter(inc.lastBreachWindow()) ? w.windowStart() : inc.lastBreachWindow();
        int quiet = w.windowStart().isBefore(inc.lastBreachWindow()) ? inc.quietWindows() : 0;
        double peak = Math.max(inc.peakScore(), e.score());
        if (newer || escalation) {
            int update = inc.updates() + 1;
            IncidentState next = new IncidentState(inc.incidentId(), rule, inc.firstWindowStart(), lastBreach, quiet,
                    w.windowStart(), severity, peak, update);
            alerts.add(event(next, w, e, severity, AlertEvent.FIRING, update));
            return s.withIncident(rule, next);
        }
        return s.withIncident(rule, new IncidentState(inc.incidentId(), rule, inc.firstWindowStart(), lastBreach, quiet,
                inc.lastEmittedWindow(), inc.lastEmittedSeverity(), peak, inc.updates()));
    }

    private CountryState quietOrElevated(CountryState s, String rule, WindowObservation w, Eval e, List<AlertEvent> alerts) {
        Optional<IncidentState> open = s.incident(rule);
        if (open.isEmpty() || !w.windowStart().isAfter(open.get().lastBreachWindow())) {
            return s;
        }
        IncidentState inc = open.get();
        boolean elevated = e != null && e.elevated();
        int quiet = elevated ? 0 : inc.quietWindows() + 1;
        if (quiet >= config.quietWindowsToResolve()) {
            int update = inc.updates() + 1;
            Eval shown = e != null ? e : new Eval(false, false, 0, 0, 0, null, "", List.of());
            String summary = String.format(Locale.ROOT,
                    "Resolved: %s for %s back to normal for %d closed window%s (incident since %s, peak score %.1f).",
                    rule, s.country(), quiet, quiet == 1 ? "" : "s", DAY_TIME.format(inc.firstWindowStart()) + " UTC",
                    inc.peakScore());
            alerts.add(new AlertEvent(inc.incidentId(), rule, s.country(), w.windowStart(), w.windowEnd(), shown.count(),
                    shown.firing(), inc.lastEmittedSeverity(), AlertEvent.RESOLVED, shown.score(), shown.expected(),
                    summary, List.of(), List.of(), inc.firstWindowStart(), update));
            return s.withIncident(rule, null);
        }
        return s.withIncident(rule, new IncidentState(inc.incidentId(), rule, inc.firstWindowStart(),
                inc.lastBreachWindow(), quiet, inc.lastEmittedWindow(), inc.lastEmittedSeverity(), inc.peakScore(),
                inc.updates()));
    }

    private AlertEvent event(IncidentState inc, WindowObservation w, Eval e, String severity, String status, int update) {
        List<org.influencemonitor.model.Alert.Evidence> evidence = w.evidence().stream().limit(MAX_LISTED).toList();
        return new AlertEvent(inc.incidentId(), inc.rule(), w.country(), w.windowStart(), w.windowEnd(), e.count(),
                e.firing(), severity, status, e.score(), e.expected(), e.summary(), evidence, e.actors(),
                inc.firstWindowStart(), update);
    }

    // ---- closing a window -------------------------------------------------------------------------------

    private CountryState close(CountryState s, WindowObservation w, List<AlertEvent> alerts) {
        Context ctx = context(w);
        Map<String, Eval> evals = new LinkedHashMap<>();
        for (String rule : RULES) {
            evals.put(rule, evaluate(rule, s, w, ctx));   // all against the baselines before this window
        }
        for (String rule : RULES) {
            Eval e = evals.get(rule);
            if (e != null && e.breach()) {
                s = breach(s, rule, w, e, ctx, true, alerts);
            } else {
                s = quietOrElevated(s, rule, w, e, alerts);
            }
        }
        s = updateBaselines(s, w, evals, ctx);
        s = updateActors(s, w);
        return s.withLastClosed(w.windowStart());
    }

    /** Folds the window into the baselines; a count at or above the firing count is capped at it. */
    private CountryState updateBaselines(CountryState s, WindowObservation w, Map<String, Eval> evals, Context ctx) {
        long secs = ctx.windowSeconds();
        HourlyBaseline articles = s.articles().add(w.windowStart(), capped(w.articles(), evals.get(SPIKE)), 1,
                config.spike().baseline(), secs);
        HourlyBaseline narrative = s.narrative().add(w.windowStart(),
                capped(w.stateLinkedFraudArticles(), evals.get(NARRATIVE)), 1, config.narrative().baseline(), secs);
        int total = w.allCountriesArticles();
        HourlyBaseline share = total > 0
                ? s.share().add(w.windowStart(), capped(w.articles(), evals.get(SHARE)), Math.max(total, w.articles()),
                        config.share().baseline(), secs)
                : s.share().skip();
        return s.withBaselines(articles, share, narrative);
    }

    private static double capped(int count, Eval e) {
        if (e == null || e.firing() <= 0) {
            return count;
        }
        return Math.min(count, e.firing());
    }

    private CountryState updateActors(CountryState s, WindowObservation w) {
        Instant horizon = w.windowStart().minus(Duration.ofDays(config.newActor().lookBackDays()));
        Map<String, ActorSeen> seen = new LinkedHashMap<>();
        for (ActorSeen a : s.actors()) {
            if (!a.lastSeen().isBefore(horizon)) {
                seen.put(a.id(), a);
            }
        }
        for (ActorCount a : w.actors()) {
            if (a.articles() > 0) {
                ActorSeen before = seen.get(a.id());
                seen.put(a.id(), new ActorSeen(a.id(), before == null ? w.windowStart() : before.firstSeen(),
                        w.windowStart()));
            }
        }
        return s.withActors(new ArrayList<>(seen.values()));
    }
}
