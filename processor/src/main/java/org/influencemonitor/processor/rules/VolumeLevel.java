package org.influencemonitor.processor.rules;

/**
 * The feeds' level as one country sees it: all the other countries' articles in a window against their
 * baseline for that hour. A feed added doubles everyone's volume at once, a broken one halves it; judged
 * against their own history every busy country would then surge or go quiet together. Scaling each
 * expectation by the level turns such a step into a non-event, while one country pulling away from the
 * others still stands out. It also carries the weekly cycle the whole news flow shares (quiet weekends, busy
 * Mondays) into every country's expectation without a per-country weekday model. The country's own articles
 * are left out of the level so that its surge does not raise its own expectation.
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
     * The level of a closed window, or the latest known one when the window's total is unknown, the level's
     * baseline is young, or the window is still open (its total is partial).
     */
    double of(CountryState s, WindowObservation w, long windowSeconds) {
        if (!cfg.enabled()) {
            return 1.0;
        }
        if (!w.closed() || w.allCountriesArticles() < 0 || !s.volume().warm(cfg.baseline(), windowSeconds)) {
            return s.levelOrOne();
        }
        double[] post = s.volume().posterior(w.windowStart(), cfg.baseline());
        if (post[1] - cfg.baseline().priorWeight() < MIN_WINDOWS) {
            return s.levelOrOne();   // this hour has hardly been seen: its expectation is the prior's guess
        }
        double expected = post[0] / post[1];
        double ratio = (others(w) + cfg.shrinkArticles()) / (expected + cfg.shrinkArticles());
        return Math.max(cfg.min(), Math.min(cfg.max(), ratio));
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

    /** Learns a closed window with a known total; remembers the level for windows without one. */
    CountryState learn(CountryState s, WindowObservation w, double level, long windowSeconds) {
        if (!cfg.enabled()) {
            return s;
        }
        if (w.allCountriesArticles() < 0) {
            return s;   // unlike the other series, unknown windows do not count towards the warm-up
        }
        HourlyBaseline volume = s.volume().add(w.windowStart(), others(w), 1, cfg.baseline(), windowSeconds);
        Double reference = s.referenceVolume();
        if (reference == null && volume.warm(cfg.baseline(), windowSeconds)) {
            reference = volume.dailyMean();
        }
        boolean known = s.volume().warm(cfg.baseline(), windowSeconds);
        return s.withVolume(volume, known ? Double.valueOf(level) : s.level(), reference);
    }

    private static double others(WindowObservation w) {
        return Math.max(0, w.allCountriesArticles() - w.articles());
    }
}
