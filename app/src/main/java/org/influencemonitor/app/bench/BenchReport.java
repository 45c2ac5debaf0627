package org.influencemonitor.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result table in Markdown, and the targets checked against it. A target whose rows were not
 * measured in this invocation says so instead of passing.
 */
final class BenchReport {
    static final double RATIO_TARGET = 0.8;
    static final double POPULATION_TARGET = 0.9;
    static final double SURGE_P99_TARGET_MS = 1_000;
    static final double HEAP_TARGET_MB = 512;

    private final List<BenchRow> rows;

    BenchReport(List<BenchRow> rows) {
        this.rows = List.copyOf(rows);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| configuration | articles | window population | articles/s | MB/s | × pass-through | counted articles/s "
                + "| heap MB | RSS MB | p50 ms | p99 ms | p99.9 ms | notes |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (BenchRow r : rows) {
            Latency l = r.latency();
            out.append("| ").append(r.configuration())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", r.articles()))
                    .append(" | ").append(population(r.population()))
                    .append(" | ").append(number(r.articlesPerSecond(), "%,.0f"))
                    .append(" | ").append(number(r.megabytesPerSecond(), "%.1f"))
                    .append(" | ").append(number(r.ratio(), "%.2f×"))
                    .append(" | ").append(number(r.countedPerSecond(), "%,.0f"))
                    .append(" | ").append(number(r.heapMb(), "%.0f"))
                    .append(" | ").append(number(r.rssMb(), "%.0f"))
                    .append(" | ").append(l == null ? "" : number(l.p50Ms(), "%.0f"))
                    .append(" | ").append(l == null ? "" : number(l.p99Ms(), "%.0f"))
                    .append(" | ").append(l == null ? "" : number(l.p999Ms(), "%.0f"))
                    .append(" | ").append(notes(r))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String population(String value) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String notes(BenchRow r) {
        String samples = r.latency() == null ? "" : "n = " + String.format(Locale.ROOT, "%,d", r.latency().samples());
        return r.note().isEmpty() ? samples : samples.isEmpty() ? r.note() : samples + "; " + r.note();
    }

    private static String number(Double value, String format) {
        return value == null ? "" : String.format(Locale.ROOT, format, value);
    }

    /** One line per target: what it asks, what was measured, met or not. */
    List<String> targets(List<Integer> populations) {
        List<String> out = new ArrayList<>();
        for (int population : populations) {
            Optional<BenchRow> monitor = row(ThroughputKeys.monitor(population));
            out.add(check("monitor EOS ≥ " + RATIO_TARGET + "× pass-through at " + String.format(Locale.ROOT, "%,d", population)
                            + " articles/window",
                    monitor.map(BenchRow::ratio).orElse(null), v -> v >= RATIO_TARGET, "%.2f×"));
        }
        Optional<BenchRow> low = row(ThroughputKeys.monitor(1_000));
        Optional<BenchRow> high = row(ThroughputKeys.monitor(100_000));
        Double ratio = low.isPresent() && high.isPresent() && populated(high.get(), 100_000)
                ? high.get().articlesPerSecond() / low.get().articlesPerSecond() : null;
        if (high.isPresent() && !populated(high.get(), 100_000)) {
            out.add("- monitor rate at 100,000 articles/window ≥ " + POPULATION_TARGET + "× its rate at 1,000: not measured, the "
                    + "fullest window held only " + population(high.get().population()) + " articles (--articles 100000 fills one)");
        } else {
            out.add(check("monitor rate at 100,000 articles/window ≥ " + POPULATION_TARGET + "× its rate at 1,000", ratio,
                    v -> v >= POPULATION_TARGET, "%.2f×"));
        }
        out.add(check("surge → alert p99 < 1 s", row("surge").map(r -> r.latency().p99Ms()).orElse(null),
                v -> v < SURGE_P99_TARGET_MS, "%.0f ms"));
        out.add(check("heap < 512 MB holding 30 days of hourly windows for every country (--full)",
                row("history").map(BenchRow::heapMb).orElse(null), v -> v < HEAP_TARGET_MB, "%.0f MB"));
        return out;
    }

    /** A 100k-per-window row only counts as such when its backlog had that many articles. */
    private static boolean populated(BenchRow row, long population) {
        return row.population().equals(String.valueOf(population));
    }

    private Optional<BenchRow> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private static String check(String target, Double value, java.util.function.DoublePredicate met, String format) {
        if (value == null) {
            return "- " + target + ": not measured in this run";
        }
        return "- " + target + ": " + String.format(Locale.ROOT, format, value) + ", **" + (met.test(value) ? "met" : "not met") + "**";
    }
}
