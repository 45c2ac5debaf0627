package org.influencemonitor.app.bench;

import java.util.Arrays;

/** Percentiles of a set of latency samples in milliseconds (nearest rank), with how many samples there were. */
record Latency(int samples, double p50Ms, double p99Ms, double p999Ms) {

    static Latency of(double[] millis) {
        if (millis.length == 0) {
            throw new BenchFailure("no latency samples were collected");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999));
    }

    /** Nearest rank: the smallest sample with at least {@code q} of the samples at or below it. */
    private static double rank(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
