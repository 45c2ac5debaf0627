package org.influencemonitor.app.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The matrix of runs, in the order they are made, each adding its row to the table as soon as it is
 * measured (so a failure later still leaves the rows before it). Every processor row is divided by the
 * pass-through measured just before it on the same backlog with the same guarantee.
 */
final class Measurements {
    private static final String EOS = StreamsConfig.EXACTLY_ONCE_V2;
    private static final String ALOS = StreamsConfig.AT_LEAST_ONCE;

    private final ThroughputRun throughput;
    private final LatencyRun latency;
    private final List<BenchRow> rows;
    private final Consumer<String> progress;
    private final List<String> timeouts = new java.util.ArrayList<>();

    Measurements(ThroughputRun throughput, LatencyRun latency, List<BenchRow> rows, Consumer<String> progress) {
        this.throughput = throughput;
        this.latency = latency;
        this.rows = rows;
        this.progress = progress;
    }

    /**
     * The pass-through and the monitor with exactly-once on one backlog; with {@code variants} also
     * at-least-once (with its own pass-through), 2 threads, 2 instances and hopping windows. The producer's
     * row is the median of every load of this backlog.
     */
    void population(Backlog backlog, int population, Duration timeout, boolean variants) {
        int producerRow = rows.size();
        List<BacklogLoader.Load> loads = new java.util.ArrayList<>();
        BenchRow eosBase = measure(backlog, StreamsJob.passThrough(EOS), ThroughputKeys.passThrough("eos", population),
                null, timeout, loads);
        measure(backlog, StreamsJob.processor(EOS, 1, 1), ThroughputKeys.monitor(population), eosBase, timeout, loads);
        if (variants) {
            BenchRow alosBase = measure(backlog, StreamsJob.passThrough(ALOS), ThroughputKeys.passThrough("alos", population),
                    null, timeout, loads);
            measure(backlog, StreamsJob.processor(ALOS, 1, 1), "monitor-alos-" + population, alosBase, timeout, loads);
            measure(backlog, StreamsJob.processor(EOS, 2, 1), "monitor-eos-2threads-" + population, eosBase, timeout, loads);
            measure(backlog, StreamsJob.processor(EOS, 1, 2), "monitor-eos-2instances-" + population, eosBase, timeout, loads);
            measure(backlog, StreamsJob.processor(EOS, 1, 1, "--window-advance", "15m"), "monitor-eos-hopping-" + population,
                    eosBase, timeout, loads);
        }
        if (loads.isEmpty()) {
            return;
        }
        double[] seconds = loads.stream().mapToDouble(BacklogLoader.Load::seconds).sorted().toArray();
        double median = seconds.length % 2 == 1 ? seconds[seconds.length / 2]
                : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
        BacklogLoader.Load load = loads.get(0);
        rows.add(producerRow, BenchRow.rate(ThroughputKeys.producer(population), "producer → articles.raw (ingest's ArticlePublisher)",
                        load.articles(), backlog.population(), median, load.bytes())
                .withNote("median of " + seconds.length + " loads, " + range(seconds) + " s"));
    }

    /** The runs that timed out, one line each; empty when every run completed. */
    List<String> timeouts() {
        return List.copyOf(timeouts);
    }

    void latency(ArticleBodies bodies, List<CountryTemplates.Country> surgeCountries, int rate, int seconds, int threshold) {
        progress.accept("Latency: " + rate + " articles/s for " + seconds + " s into a running processor, with surges ...");
        List<BenchRow> measured;
        try {
            measured = latency.run(bodies, surgeCountries, rate, seconds, threshold);
        } catch (RunTimedOut e) {
            timedOut(new BenchRow("latency", "latency at " + rate + " articles/s, monitor EOS", (long) rate * seconds, "live",
                    null, null, null, null, null, null, null, ""), e);
            return;
        }
        measured.forEach(r -> progress.accept("  " + r.configuration() + ": p50 " + Math.round(r.latency().p50Ms())
                + " ms, p99 " + Math.round(r.latency().p99Ms()) + " ms (n = " + r.latency().samples() + ")"));
        rows.addAll(measured);
    }

    void history(HistoryBacklog history, Duration timeout) {
        StreamsJob job = StreamsJob.processor(EOS, 1, 1);
        String label = "monitor EOS, 1 thread × 1 instance: history for heap";
        progress.accept(label + " (" + history.population() + ", " + history.articles() + " articles) ...");
        ThroughputRun.Result result;
        try {
            result = throughput.run(history, job, "history", label, timeout);
        } catch (RunTimedOut e) {
            timedOut(new BenchRow("history-timeout", label, history.articles(), history.population(), null, null, null, null,
                    null, null, null, ""), e);
            return;
        }
        rows.add(result.row());
        progress.accept("  heap " + Math.round(result.row().heapMb()) + " MB, RSS " + Math.round(result.row().rssMb()) + " MB");
    }

    private BenchRow measure(Backlog backlog, StreamsJob job, String key, BenchRow base, Duration timeout,
                             List<BacklogLoader.Load> loads) {
        int population = backlog.perWindow();
        String label = job.describe();
        progress.accept(String.format(Locale.ROOT, "%s at %,d articles/window (%,d articles) ...", label,
                backlog.fullestWindow(), backlog.articles()));
        ThroughputRun.Result result;
        try {
            result = throughput.run(backlog, job, key, label, timeout);
        } catch (RunTimedOut e) {
            timedOut(new BenchRow(key + "-timeout", label, backlog.articles(), backlog.population(), null, null, null, null,
                    null, null, null, ""), e);
            return null;
        }
        loads.add(result.load());
        if (backlog.fullestWindow() < population) {
            result = new ThroughputRun.Result(result.load(), result.row().withNote(String.format(Locale.ROOT,
                    "spaced for %,d per window, but only %,d articles", population, backlog.articles())));
        }
        BenchRow row = base == null ? result.row() : result.row().withRatio(result.row().articlesPerSecond() / base.articlesPerSecond());
        rows.add(row);
        progress.accept(String.format(Locale.ROOT, "  %,.0f articles/s%s (producer loaded it at %,.0f articles/s)",
                row.articlesPerSecond(), row.ratio() == null ? "" : String.format(Locale.ROOT, ", %.2f× pass-through", row.ratio()),
                result.load().articles() / result.load().seconds()));
        return row;
    }

    private void timedOut(BenchRow row, RunTimedOut e) {
        rows.add(row.withNote("**timed out**: " + e.getMessage()));
        timeouts.add(e.getMessage());
        progress.accept("  timed out: " + e.getMessage());
    }

    private static String range(double[] sorted) {
        return sorted.length == 1 ? String.format(Locale.ROOT, "%.1f", sorted[0])
                : String.format(Locale.ROOT, "%.1f–%.1f", sorted[0], sorted[sorted.length - 1]);
    }
}
