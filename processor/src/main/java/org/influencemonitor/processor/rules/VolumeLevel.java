package org.influencemonitor.processor.rules;

/**
 * The feeds' level as one country sees it: all the other countries' articles in a window against their
 * baseline for that hour. A feed added doubles everyone's volume at once, a broken one halves it; judged
 * against their own history every busy country would then surge or go quiet together. Scaling each
 * expectation by the level turns such a step into a non-event, while one country pulling away from the
 * others still stands out. It also carries the weekly cycle the whole news flow shares (quiet weekends, busy
 * Mondays) into every country's expectation without a per-country weekday model. The country's own articles
 * are left out of the level so that its surge does not raise its own expectation.
 *
 * <p>The others' baseline counts per unit of level, like the countries' own: the level is the feeds' volume
 * against the one the monitor warmed up with, and stays at 2 while a feed added doubles it, instead of
 * drifting back to 1 as the others' baseline absorbs the feed. A reading is shrunk towards the latest level.
 *
 * <p>A quiet window (the others expected fewer than {@code pool_articles}) is pooled with the windows just
 * before it until their expected others reach that many: one evening window with 7 articles against 14
 * expected says little, shrunk towards 1 it said 0.7 where the evening as a whole says 0.4. A window that
 * disagrees with the pooled level by more than {@code step_z} Poisson sd (a feed added, Monday's first hour)
 * is judged alone, and the pool starts again from it.
 */
final class VolumeLevel {
    /** Windows (neighbours pooled) an hour needs before its expectation is trusted for the level. */
    private static final double MIN_WINDOWS = 6;
    static final double THRESHOLD_MARGIN = 1.25;
    private final RulesConfig.Level cfg;

    VolumeLevel(RulesConfig.Level cfg) {
        this.cfg = cfg;
    }

    /**
     * How the level reads a window: for a closed one, its level, whether it broke with the pooled level (a
     * step) and what the others' baseline expected of it; the latest known level (1 before any, 1 with the
     * level off) when the window's total is unknown, the level's baseline is young, or the window is still
     * open (its total is partial; see {@link #newDay}). Read once per window: the rules judge at its level
     * and {@link #learn} folds it in.
     *
     * @param level    the level to scale the window's expectations by
     * @param step     the window broke with the pooled level: the pool starts again from it
     * @param expected the other countries' articles their baseline expected, NaN when not read
     */
    record Reading(double level, boolean step, double expected) {
    }

    Reading read(CountryState s, WindowObservation w, long windowSeconds) {
        if (!cfg.enabled()) {
            return new Reading(1.0, false, Double.NaN);
        }
        double expected = w.closed() ? expectedOthers(s, w, windowSeconds) : Double.NaN;
        if (Double.isNaN(expected)) {
            return new Reading(s.levelOrOne(), false, Double.NaN);
        }
        int now = others(w);
        // Shrunk towards the latest level, not towards 1: the others' baseline counts per unit of level, so a
        // deployment whose feeds have doubled since its warm-up sits at 2, and a quiet night says little of it.
        double target = s.levelOrOne();
        double single = (now + target * cfg.shrinkArticles()) / (expected + cfg.shrinkArticles());
        java.util.List<CountryState.VolumeWindow> before = pooled(s, w, windowSeconds);
        if (before.isEmpty() || expected >= cfg.poolArticles()) {
            return new Reading(bounded(single), false, expected);   // a busy window is judged alone
        }
        double others = now;
        double sum = expected;
        for (int i = before.size() - 1; i >= 0 && sum < cfg.poolArticles(); i--) {
            others += before.get(i).others();
            sum += before.get(i).expected();
        }
        double pooled = (others + target * cfg.poolShrinkArticles()) / (sum + cfg.poolShrinkArticles());
        // A step (a feed added, Monday morning) shows as this window alone disagreeing with the pooled level.
        double e = pooled * expected;
        if (Math.abs(now - e) > cfg.stepZ() * Math.sqrt(e + 1)) {
            return new Reading(bounded(single), true, expected);
        }
        return new Reading(bounded(pooled), false, expected);
    }

    /**
     * Whether {@code w} is an open window that starts a UTC day after the latest closed one while a level is
     * known: that level is the day before's, and the weekly cycle turns at midnight (measured in the
     * operations replay: Monday 00:00 after a quiet Sunday is a 2.3x step, and the early judgements of two
     * seeds paged on the US at Sunday's level).
     */
    boolean newDay(CountryState s, WindowObservation w) {
        if (!cfg.enabled() || w.closed() || s.lastClosedWindowStart() == null || s.level() == null) {
            return false;
        }
        return !s.lastClosedWindowStart().atOffset(java.time.ZoneOffset.UTC).toLocalDate()
                .equals(w.windowStart().atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }

    private double bounded(double ratio) {
        return Math.max(cfg.min(), Math.min(cfg.max(), ratio));
    }

    /**
     * What the other countries' baseline expects of this window, or NaN when the window's total is unknown, the
     * level's baseline is young, or this hour has hardly been seen (its expectation would be the prior's guess).
     */
    private double expectedOthers(CountryState s, WindowObservation w, long windowSeconds) {
        if (w.allCountriesArticles() < 0 || !s.volume().warm(cfg.baseline(), windowSeconds)) {
            return Double.NaN;
        }
        double[] post = s.volume().posterior(w.windowStart(), cfg.baseline());
        if (post[1] - cfg.baseline().priorWeight() < MIN_WINDOWS) {
            return Double.NaN;
        }
        return post[0] / post[1];
    }

    /** The remembered windows among the {@code pool_windows - 1} before {@code w}. */
    private java.util.List<CountryState.VolumeWindow> pooled(CountryState s, WindowObservation w, long windowSeconds) {
        java.time.Instant from = w.windowStart().minusSeconds(windowSeconds * (cfg.poolWindows() - 1L));
        return s.recentVolume().stream()
                .filter(v -> !v.windowStart().isBefore(from) && v.windowStart().isBefore(w.windowStart()))
                .toList();
    }

    /**
     * How much to raise an absolute threshold: the feeds' volume in this window over what it was when the
     * level first warmed up, once beyond a margin of {@link #THRESHOLD_MARGIN} (a busy Monday is not a new feed),
     * at least 1: a threshold set for one volume is raised when the feeds grow for good, never lowered.
     */
    double thresholdFactor(CountryState s, double level) {
        if (!cfg.enabled() || s.referenceVolume() == null || s.referenceVolume() <= 0) {
            return 1.0;
        }
        double index = level * s.volume().dailyMean() / s.referenceVolume();
        return index > THRESHOLD_MARGIN ? Math.min(cfg.max(), index) : 1.0;
    }

    /** Learns a closed window with a known total, as {@link #read} read it; remembers the level for windows without one. */
    CountryState learn(CountryState s, WindowObservation w, Reading reading, long windowSeconds) {
        if (!cfg.enabled()) {
            return s;
        }
        if (w.allCountriesArticles() < 0) {
            return s;   // unlike the other series, unknown windows do not count towards the warm-up
        }
        double expected = reading.expected();
        double level = reading.level();
        java.util.List<CountryState.VolumeWindow> recent = new java.util.ArrayList<>();
        if (cfg.poolWindows() > 1 && !Double.isNaN(expected)) {
            // After a step the windows before it describe other feeds: the pool starts again from the step.
            recent.addAll(reading.step() ? java.util.List.of() : pooled(s, w, windowSeconds).stream()
                    .filter(v -> v.windowStart().isAfter(w.windowStart().minusSeconds(windowSeconds * (cfg.poolWindows() - 1L))))
                    .toList());
            recent.add(new CountryState.VolumeWindow(w.windowStart(), (int) others(w), expected));
        } else if (cfg.poolWindows() > 1) {
            recent.addAll(pooled(s, w, windowSeconds));
        }
        // Per unit of level, as spike's and narrative's baselines: learnt in articles, this baseline absorbed a
        // feed added within days while the countries' baselines, learnt per unit of a level that was right,
        // did not, and for a week every expectation ran 20-50% low (docs/alerting.md).
        boolean warm = s.volume().warm(cfg.baseline(), windowSeconds);
        HourlyBaseline volume = s.volume().add(w.windowStart(), others(w), warm ? level : 1.0, cfg.baseline(), windowSeconds);
        Double reference = s.referenceVolume();
        if (reference == null && volume.warm(cfg.baseline(), windowSeconds)) {
            reference = volume.dailyMean();
        }
        return s.withVolume(volume, warm ? Double.valueOf(level) : s.level(), reference, recent);
    }

    private static int others(WindowObservation w) {
        return Math.max(0, w.allCountriesArticles() - w.articles());
    }
}
