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
        RulesConfig.Baseline p = cfg.baseline();
        if (!baseline.warm(p, ctx.windowSeconds())) {
            return Optional.empty();
        }
        double[] post = baseline.posterior(w.windowStart(), p);
        double a = post[0];
        double b = post[1];
        double expected = exposure * a / b;
        int minCount = ctx.lowered(cfg.minCount());
        double minRatio = Math.max(1.0, cfg.minRatio() * ctx.factor());
        int floor = Math.max(minCount, (int) Math.ceil(minRatio * expected - 1e-9));
        int firing = GammaPoisson.smallestCountBelow(cfg.pValue(), floor, a, b, exposure);
        double tail = GammaPoisson.upperTail(count, a, b, exposure);
        double score = count == 0 ? 0.0 : Math.min(300.0, -Math.log10(Math.max(tail, 1e-300)));
        boolean elevated = count > 0 && tail < cfg.resolvePValue() && count >= cfg.resolveRatio() * expected;
        return Optional.of(new SurgeTest(expected, firing, tail, score, count >= firing, elevated));
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
