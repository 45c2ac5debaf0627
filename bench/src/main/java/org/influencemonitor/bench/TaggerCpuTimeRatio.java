package org.influencemonitor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tagger's throughput over the hankcs library's, per CPU-second of the measuring thread rather
 * than per wall-clock second: on a shared machine whose load exceeds its cores, JMH's wall-clock
 * figures measure the other jobs (runs of 2026-12-01 at load 15–19 on 2 cores gave intervals wider
 * than the scores). Same articles, surface forms and operations as {@link TaggerBenchmark}; the two
 * alternate in slices of {@code -Dslice.ms} (default 2,000) for {@code -Drounds} rounds (default 8)
 * after a warm-up, and every round's ratio is printed with their median.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.influencemonitor.bench.TaggerCpuTimeRatio</pre>
 */
public final class TaggerCpuTimeRatio {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaggerCpuTimeRatio() {
    }

    public static void main(String[] args) {
        long slice = Long.getLong("slice.ms", 2000) * 1_000_000;
        int rounds = Integer.getInteger("rounds", 8);
        TaggerBenchmark b = new TaggerBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 20_000; i++) {
            bh.consume(b.tagger());
            b.hankcsDoubleArrayTrie(bh);
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double tagger = opsPerCpuSecond(() -> bh.consume(b.tagger()), slice);
            double hankcs = opsPerCpuSecond(() -> b.hankcsDoubleArrayTrie(bh), slice);
            ratios.add(tagger / hankcs);
            System.out.printf(Locale.ROOT, "round %d: tagger %.0f ops/cpu-s, hankcs %.0f ops/cpu-s, ratio %.2f%n", r, tagger, hankcs,
                    tagger / hankcs);
        }
        Collections.sort(ratios);
        System.out.printf(Locale.ROOT, "median ratio %.2f (min %.2f, max %.2f) over %d rounds%n",
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1), rounds);
    }

    private static double opsPerCpuSecond(Runnable op, long sliceNanos) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - wall0 < sliceNanos) {
            op.run();
            n++;
        }
        return n / ((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
}
