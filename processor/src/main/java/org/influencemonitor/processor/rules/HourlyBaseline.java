package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One series' baseline: per hour of day (UTC, of the window start), an exponentially decayed sum of the
 * counts ({@code sums}) and of the exposure they were counted over ({@code weights}: one per window for a
 * count series, the all-countries total for a share series). {@code windows} counts the closed windows
 * folded in, for the warm-up. Immutable; lists of 24 entries so that it is plain JSON.
 */
public record HourlyBaseline(long windows, List<Double> sums, List<Double> weights) {
    public static final int BUCKETS = 24;

    public HourlyBaseline {
        sums = List.copyOf(sums);
        weights = List.copyOf(weights);
        if (sums.size() != BUCKETS || weights.size() != BUCKETS) {
            throw new IllegalArgumentException("a baseline has " + BUCKETS + " hourly buckets");
        }
    }

    public static HourlyBaseline empty() {
        List<Double> zeros = Collections.nCopies(BUCKETS, 0.0);
        return new HourlyBaseline(0, zeros, zeros);
    }

    static int bucket(Instant windowStart) {
        return windowStart.atOffset(ZoneOffset.UTC).getHour();
    }

    /** The decay applied to a bucket each time it is updated, from the half-life and the window size. */
    static double decay(RulesConfig.Baseline p, long windowSeconds) {
        double updatesPerBucketPerDay = Math.max(1.0, 3600.0 / windowSeconds);
        return Math.pow(0.5, 1.0 / (p.halfLifeDays() * updatesPerBucketPerDay));
    }

    boolean warm(RulesConfig.Baseline p, long windowSeconds) {
        return windows * windowSeconds >= p.warmupHours() * 3600.0;
    }

    /** Folds one closed window in: count {@code x} over {@code exposure}. */
    HourlyBaseline add(Instant windowStart, double x, double exposure, RulesConfig.Baseline p, long windowSeconds) {
        int h = bucket(windowStart);
        double d = decay(p, windowSeconds);
        List<Double> s = new ArrayList<>(sums);
        List<Double> w = new ArrayList<>(weights);
        s.set(h, s.get(h) * d + x);
        w.set(h, w.get(h) * d + exposure);
        return new HourlyBaseline(windows + 1, s, w);
    }

    /** Counts one closed window without data for this series (for the warm-up only). */
    HourlyBaseline skip() {
        return new HourlyBaseline(windows + 1, sums, weights);
    }

    /**
     * The Gamma posterior (shape, rate) of the rate per unit of exposure for the hour of {@code windowStart}:
     * the hour's sums plus {@code neighbourWeight} times its two neighbours', plus the prior.
     */
    double[] posterior(Instant windowStart, RulesConfig.Baseline p) {
        int h = bucket(windowStart);
        int before = (h + BUCKETS - 1) % BUCKETS;
        int after = (h + 1) % BUCKETS;
        double nw = p.neighbourWeight();
        double a = sums.get(h) + nw * (sums.get(before) + sums.get(after)) + p.priorRate() * p.priorWeight();
        double b = weights.get(h) + nw * (weights.get(before) + weights.get(after)) + p.priorWeight();
        return new double[] {a, b};
    }

    /** The mean count per unit of exposure over the day: the hours' estimates averaged (hours without data left out). */
    double dailyMean() {
        double sum = 0;
        int hours = 0;
        for (int h = 0; h < BUCKETS; h++) {
            if (weights.get(h) > 0) {
                sum += sums.get(h) / weights.get(h);
                hours++;
            }
        }
        return hours == 0 ? 0 : sum / hours;
    }
}
