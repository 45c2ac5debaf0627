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

    /**
     * The test of {@code count} over {@code exposure} against a Gamma(a, b) rate. Below {@code min_count}
     * a count still fires when it is far more unusual ({@code min_count_p_value}): the floor keeps near-zero
     * baselines from paging on two articles, but ten articles where one in a few hours is usual is news.
     */
    static SurgeTest of(RulesConfig.Surge cfg, double a, double b, int count, double exposure, WindowContext ctx) {
        double expected = exposure * a / b;
        int minCount = ctx.lowered(cfg.minCount());
        double minRatio = Math.max(1.0, cfg.minRatio() * ctx.factor());
        int ratioFloor = Math.max(1, (int) Math.ceil(minRatio * expected - 1e-9));
        int firing = GammaPoisson.smallestCountBelow(cfg.pValue(), Math.max(minCount, ratioFloor), a, b, exposure);
        if (cfg.minCountPValue() < cfg.pValue() && firing > ratioFloor) {
            int unusual = GammaPoisson.smallestCountBelow(cfg.minCountPValue(), Math.max(2, ratioFloor), a, b, exposure);
            firing = Math.min(firing, unusual);
        }
        double tail = GammaPoisson.upperTail(count, a, b, exposure);
        double score = count == 0 ? 0.0 : Math.min(300.0, -Math.log10(Math.max(tail, 1e-300)));
        boolean elevated = count > 0 && tail < cfg.resolvePValue() && count >= cfg.resolveRatio() * expected;
        return new SurgeTest(expected, firing, tail, score, count >= firing, elevated);
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
