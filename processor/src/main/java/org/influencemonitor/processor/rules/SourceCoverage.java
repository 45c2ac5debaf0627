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
 * Empty windows are learnt while the silence is ordinary (P(0) over the run at least
 * {@value #ORDINARY_SILENCE}), and no longer once it is remarkable.
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
    /** A silent run at least this likely under the baseline is ordinary, and its windows are learnt as 0. */
    static final double ORDINARY_SILENCE = 0.05;
    private static final RulesConfig.Baseline BASELINE = new RulesConfig.Baseline(7, 0.5, 1.0, 0.5, 48);
    /** Bounds and damping of the other sources' level (see {@link #level}): a few articles either way are noise. */
    static final double MIN_LEVEL = 0.5;
    static final double LEVEL_SHRINK = 5;
    /** The name under which sources beyond the cap are watched together. */
    public static final String OTHER = "(other)";
    private final double pValue;
    private final double minDailyArticles;
    private final int maxSources;

    /**
     * Per source: its baseline, the start of its silent run (null while it sends), the articles expected
     * over that run, its open incident id, and the start of the last window it sent articles in.
     */
    public record Source(HourlyBaseline baseline, Instant silentSince, double silentExpected, String incidentId,
                         Instant lastArticles) {
        public Source(HourlyBaseline baseline, Instant silentSince, double silentExpected, String incidentId) {
            this(baseline, silentSince, silentExpected, incidentId, null);
        }
    }

    /**
     * The state: every source seen, by name, the start of the last window closed (null before any) and
     * the length of the windows it learnt from, in seconds (0 before any).
     */
    public record State(Map<String, Source> sources, Instant lastClosed, long windowSeconds) {
        public State {
            sources = Map.copyOf(new TreeMap<>(sources));
        }

        public State(Map<String, Source> sources) {
            this(sources, null, 0);
        }

        public static State initial() {
            return new State(Map.of(), null, 0);
        }

        /**
         * The articles per hour {@code source} is expected to send in the hour of {@code at}; 0 while its
         * baseline is not warm.
         */
        public double expectedPerHour(Source source, Instant at) {
            if (windowSeconds <= 0 || !source.baseline().warm(BASELINE, windowSeconds)) {
                return 0;
            }
            double[] post = source.baseline().posterior(at, BASELINE);
            return post[0] / post[1] * 3600.0 / windowSeconds;
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

    /** Every source watched, however few articles it sends, and no cap on their number. */
    public SourceCoverage(double pValue) {
        this(pValue, 0, Integer.MAX_VALUE);
    }

    /**
     * Sources expected to send fewer than {@code minDailyArticles} a day are tracked but never judged; at
     * most {@code maxSources} are told apart, later ones are watched together as {@value #OTHER}.
     */
    public SourceCoverage(double pValue, double minDailyArticles, int maxSources) {
        this.pValue = pValue;
        this.minDailyArticles = minDailyArticles;
        this.maxSources = maxSources;
    }

    public static SourceCoverage defaults() {
        return new SourceCoverage(1e-6);
    }

    public static SourceCoverage of(RulesConfig.Coverage config) {
        return new SourceCoverage(config.pValue(), config.minDailyArticles(), config.maxSources());
    }

    /** Whether a warm source sends enough a day that its silence means something. */
    private boolean watched(Source s, Instant windowStart, long secs) {
        if (minDailyArticles <= 0) {
            return true;
        }
        double perDay = 0;
        Instant day = windowStart.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        for (int h = 0; h < HourlyBaseline.BUCKETS; h++) {
            double[] post = s.baseline().posterior(day.plusSeconds(h * 3600L), BASELINE);
            perDay += post[0] / post[1] * 3600.0 / secs;
        }
        return perDay >= minDailyArticles;
    }

    /** One closed window's articles per source (sources without articles may be left out). */
    public Result onWindowClosed(State state, Instant windowStart, Instant windowEnd, Map<String, Integer> articles) {
        long secs = java.time.Duration.between(windowStart, windowEnd).getSeconds();
        Map<String, Source> next = new TreeMap<>(state.sources());
        articles = capped(articles, next.keySet());
        articles.keySet().forEach(name -> next.putIfAbsent(name, new Source(HourlyBaseline.empty(), null, 0, null)));
        List<AlertEvent> events = new ArrayList<>();
        // The level is taken over the judged sources that are not remarkably silent: a feed's other sources
        // silent with it must not make its silence look like a quiet day, while a sparse source's chance
        // empty window counts as the 0 it is (leaving out every empty source would bias the level up).
        Map<String, Double> expectedOf = new TreeMap<>();
        Map<String, Boolean> inLevel = new TreeMap<>();
        double levelExpected = 0;
        int levelArticles = 0;
        for (Map.Entry<String, Source> e : next.entrySet()) {
            double x = judged(e.getValue(), windowStart, secs);
            expectedOf.put(e.getKey(), x);
            boolean counted = x > 0 && !remarkablySilent(e.getValue());
            inLevel.put(e.getKey(), counted);
            if (counted) {
                levelExpected += x;
                levelArticles += articles.getOrDefault(e.getKey(), 0);
            }
        }
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
                e.setValue(new Source(s.baseline().add(windowStart, n, 1, BASELINE, secs), null, 0, null, windowStart));
                continue;
            }
            double own = expectedOf.get(name);
            // its own silence is not evidence of a quiet day
            double expected = own * (inLevel.get(name) ? level(levelArticles, levelExpected - own)
                    : level(levelArticles, levelExpected));
            Instant since = s.silentSince() == null ? windowStart : s.silentSince();
            double runExpected = s.silentExpected() + expected;
            String id = s.incidentId();
            if (id == null && runExpected > 0 && Math.exp(-runExpected) < pValue) {
                id = IncidentTracker.alertId(RuleKind.COVERAGE, name, since);
                events.add(event(id, name, windowStart, windowEnd, 0, new Source(s.baseline(), since, runExpected, id,
                                s.lastArticles()),
                        Alert.Status.FIRING, String.format(Locale.ROOT,
                                "Source %s is silent since %s: %.0f articles were expected from it in that time. "
                                        + "Countries may look quiet because of it; their incidents are held open.",
                                name, WindowObservation.dayTime(since), runExpected)));
            }
            // An outage must not teach the baseline that silence is normal, so a silent window is not learnt once
            // the silence has become remarkable. While it is still unremarkable it is learnt as 0: a sparse
            // feed's empty windows are its normal, and a baseline of its non-empty windows alone expects at
            // least one article every window (the sample replays' state outlets "failed" every night).
            boolean ordinary = id == null && Math.exp(-runExpected) >= ORDINARY_SILENCE;
            HourlyBaseline learnt = ordinary ? s.baseline().add(windowStart, 0, 1, BASELINE, secs) : s.baseline();
            e.setValue(new Source(learnt, since, runExpected, id, s.lastArticles()));
        }
        return new Result(new State(next, windowStart, secs), events);
    }

    /**
     * What {@code s} is expected to send in the window, from its hour-of-day baseline; 0 when its silence
     * would say nothing: a source that has never sent has only the prior to expect anything from, and one
     * below {@code min_daily_articles} is not watched.
     */
    private double judged(Source s, Instant windowStart, long secs) {
        if (s.lastArticles() == null || !s.baseline().warm(BASELINE, secs)
                || !(s.silentExpected() > 0 || watched(s, windowStart, secs))) {
            return 0;
        }
        double[] post = s.baseline().posterior(windowStart, BASELINE);
        return post[0] / post[1];
    }

    /** Silent for a run already unlikely by chance, or with an open incident: not a measure of the day. */
    private static boolean remarkablySilent(Source s) {
        return s.incidentId() != null || (s.silentSince() != null && Math.exp(-s.silentExpected()) < ORDINARY_SILENCE);
    }

    /**
     * How busy the other sources are in this window against their own baselines (those not remarkably
     * silent), between {@value #MIN_LEVEL} and 1 (1 when there is none to compare with). The baselines know the hour of day but not the day of the week: on a Sunday
     * every feed sends about half as much, and a feed's silence there is twice as likely as its weekday
     * baseline says (a newspaper's quiet Sunday morning looked like an outage). The others' volume carries
     * the week into the expectation, as the feeds' level does for countries. Never above 1, so a busy day
     * never makes a silence more damning; never below {@value #MIN_LEVEL}, so a level pulled down by
     * chance never hides an outage for long.
     */
    static double level(int articles, double expected) {
        if (expected <= 0) {
            return 1.0;
        }
        double ratio = (articles + LEVEL_SHRINK) / (expected + LEVEL_SHRINK);
        return Math.max(MIN_LEVEL, Math.min(1.0, ratio));
    }

    /**
     * The window's articles with names beyond {@code maxSources} (counting those already {@code known})
     * folded into {@value #OTHER}, so the state stays bounded whatever names the feeds carry.
     */
    private Map<String, Integer> capped(Map<String, Integer> articles, java.util.Set<String> known) {
        if (known.size() + articles.size() <= maxSources) {
            return articles;
        }
        Map<String, Integer> kept = new TreeMap<>();
        int names = known.size();
        for (Map.Entry<String, Integer> a : new TreeMap<>(articles).entrySet()) {
            if (known.contains(a.getKey()) || names < maxSources) {
                if (!known.contains(a.getKey())) {
                    names++;
                }
                kept.merge(a.getKey(), a.getValue(), Integer::sum);
            } else {
                kept.merge(OTHER, a.getValue(), Integer::sum);
            }
        }
        return kept;
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
