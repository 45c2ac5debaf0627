package org.influencemonitor.processor.rules;

/**
 * The upper tail of the Gamma-Poisson (negative binomial) predictive distribution: a count X whose rate
 * per unit of exposure has a Gamma(shape a, rate b) posterior, observed with exposure t, is
 * NB(r = a, q = b / (b + t)). Its mean is t·a/b and its variance t·a/b·(1 + t/b): the less data the
 * baseline rests on (small b), the wider the predictive and the harder it is to fire.
 */
final class GammaPoisson {
    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};

    private GammaPoisson() {
    }

    /** P(X ≥ x) for X ~ NB(a, b/(b+t)); 1 for x ≤ 0. */
    static double upperTail(int x, double a, double b, double t) {
        if (x <= 0) {
            return 1.0;
        }
        if (!(a > 0) || !(b > 0) || !(t > 0)) {
            throw new IllegalArgumentException("bad Gamma-Poisson parameters a=" + a + " b=" + b + " t=" + t);
        }
        double logQ = Math.log(b / (b + t));
        double log1mQ = Math.log(t / (b + t));
        double mean = t * a / b;
        double lgA = logGamma(a);
        if (x > mean) {
            double sum = 0;
            double logTerm = logGamma(a + x) - logGamma(x + 1.0) - lgA + a * logQ + x * log1mQ;
            double term = Math.exp(logTerm);
            for (int k = x; k < x + 1_000_000; k++) {
                sum += term;
                // term(k+1) / term(k) = (a + k) / (k + 1) · (1 - q), below 1 beyond the mode
                term *= (a + k) / (k + 1.0) * Math.exp(log1mQ);
                if (term < sum * 1e-17 || term == 0) {
                    break;
                }
            }
            return Math.min(1.0, sum);
        }
        double cdf = 0;
        double term = Math.exp(a * logQ);
        for (int k = 0; k < x; k++) {
            cdf += term;
            term *= (a + k) / (k + 1.0) * Math.exp(log1mQ);
        }
        return Math.max(0.0, 1.0 - cdf);
    }

    /** The smallest x ≥ from with upperTail(x) < p. */
    static int smallestCountBelow(double p, int from, double a, double b, double t) {
        int lo = Math.max(1, from);
        if (upperTail(lo, a, b, t) < p) {
            return lo;
        }
        int step = 1;
        int hi = lo;
        while (upperTail(hi, a, b, t) >= p) {
            lo = hi;
            hi = hi + step;
            step *= 2;
            if (hi > 100_000_000) {
                return Integer.MAX_VALUE;
            }
        }
        while (hi - lo > 1) {   // tail(lo) >= p, tail(hi) < p
            int mid = lo + (hi - lo) / 2;
            if (upperTail(mid, a, b, t) < p) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double s = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            s += LANCZOS[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
