package org.influencemonitor.processor.rules;

import java.util.Optional;

/**
 * The test spike, share and narrative share: a count against a Gamma-Poisson predictive from its baseline,
 * with the count and ratio floors (lowered before elections). Empty while the baseline warms up.
 *
 * @param expected the expectation for the window
 * @param firing   the smallest count that fires
 * @param tail     P(X ≥ count) under the predictive
 * @param score    the surprise, -log10 of the tail (0 for a zero count)
 * @param breach   count ≥ firing
 * @param elevated still unusual enough to keep an open incident open
 */
record SurgeTest(double expected, int firing, double tail, double score, boolean breach, boolean elevated) {

    static Optional<SurgeTest> of(RulesConfig.Surge cfg, HourlyBaseline baseline, int count, double exposure,
                                  WindowObservation w, WindowContext ctx) {
        if (!baseline.warm(cfg.baseline(), ctx.windowSeconds())) {
            return Optional.empty();
        }
        double[] post = baseline.posterior(w.windowStart(), cfg.baseline());
        return Optional.of(of(cfg, post[0], post[1], count, exposure, ctx));
    }

    /** As {@link #of(RulesConfig.Surge, HourlyBaseline, int, double, WindowObservation, WindowContext)} at the window's level, its uncertainty included. */
    static Optional<SurgeTest> atLevel(RulesConfig.Surge cfg, HourlyBaseline baseline, int count, WindowObservation w,
                                       WindowContext ctx) {
        if (!baseline.warm(cfg.baseline(), ctx.windowSeconds())) {
            return Optional.empty();
        }
        double[] post = baseline.posterior(w.windowStart(), cfg.baseline());
        return Optional.of(atLevel(cfg, cfg.pValue(), post[0], post[1], count, 1, ctx));
    }

    /** {@code count} in {@code windows} windows against a Gamma(a, b) rate per window and unit of level, at the window's level and its uncertainty. */
    static SurgeTest atLevel(RulesConfig.Surge cfg, double pValue, double a, double b, int count, int windows,
                             WindowContext ctx) {
        double[] post = ctx.widened(a, b);
        return of(cfg, pValue, post[0], post[1], count, ctx.level() * windows, ctx);
    }

    /**
     * The test of {@code count} over {@code exposure} against a Gamma(a, b) rate. Below {@code min_count}
     * a count still fires when it is far more unusual ({@code min_count_p_value}): the floor keeps near-zero
     * baselines from paging on two articles, but ten articles where one in a few hours is usual is news.
     */
    static SurgeTest of(RulesConfig.Surge cfg, double a, double b, int count, double exposure, WindowContext ctx) {
        return of(cfg, cfg.pValue(), a, b, count, exposure, ctx);
    }

    /** As above, against {@code pValue} instead of the rule's (the horizon's sums); the unusual-count floor never looser. */
    static SurgeTest of(RulesConfig.Surge cfg, double pValue, double a, double b, int count, double exposure,
                        WindowContext ctx) {
        double expected = exposure * a / b;
        int minCount = ctx.lowered(cfg.minCount());
        int ratioFloor = ratioFloor(cfg, expected, ctx);
        double minCountPValue = Math.min(cfg.minCountPValue(), pValue);
        int firing = GammaPoisson.smallestCountBelow(pValue, Math.max(minCount, ratioFloor), a, b, exposure);
        if (minCountPValue < pValue && firing > ratioFloor) {
            int unusual = GammaPoisson.smallestCountBelow(minCountPValue, Math.max(2, ratioFloor), a, b, exposure);
            firing = Math.min(firing, unusual);
        }
        double tail = GammaPoisson.upperTail(count, a, b, exposure);
        double score = count == 0 ? 0.0 : Math.min(300.0, -Math.log10(Math.max(tail, 1e-300)));
        boolean elevated = count > 0 && tail < cfg.resolvePValue() && count >= cfg.resolveRatio() * expected;
        return new SurgeTest(expected, firing, tail, score, count >= firing, elevated);
    }

    /** The smallest count at least {@code min_ratio} (lowered before elections) times {@code expected}, at least 1. */
    static int ratioFloor(RulesConfig.Surge cfg, double expected, WindowContext ctx) {
        double minRatio = Math.max(1.0, cfg.minRatio() * ctx.factor());
        return Math.max(1, (int) Math.ceil(minRatio * expected - 1e-9));
    }

    /**
     * The Gamma posterior (shape, rate) of the mean rate over {@code windows} consecutive windows ending with
     * the one starting at {@code last}: each hour's posterior averaged, so that the sum of the windows is
     * NB(shape, rate / (rate + windows x level)).
     */
    static double[] pooled(HourlyBaseline baseline, RulesConfig.Baseline p, java.time.Instant last, int windows,
                           long windowSeconds) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < windows; i++) {
            double[] post = baseline.posterior(last.minusSeconds(windowSeconds * (windows - 1L - i)), p);
            a += post[0] / windows;
            b += post[1] / windows;
        }
        return new double[] {a, b};
    }

    /** "5.2×" or "far above" when nothing was expected. */
    static String ratio(int count, double expected) {
        return expected > 0 ? String.format(java.util.Locale.ROOT, "%.1f×", count / expected) : "far above";
    }

    /** A closed window's contribution to its baseline: capped at the firing count, so a surge does not poison it. */
    static double capped(int count, Optional<Verdict> v) {
        if (v.isEmpty() || v.get().firing() <= 0) {
            return count;
        }
        return Math.min(count, v.get().firing());
    }
}
