package org.influencemonitor.app.bench;

/**
 * One line of the result table. Absent figures are null (not measured for this configuration), never zero.
 * {@code ratio} is against the pass-through with the same guarantee on the same input in the same invocation;
 * {@code countedPerSecond} is the rate until the processor had also counted every article (EOS runs only).
 */
record BenchRow(String key, String configuration, long articles, String population, Double articlesPerSecond,
                Double megabytesPerSecond, Double ratio, Double countedPerSecond, Double heapMb, Double rssMb,
                Latency latency, String note) {

    static BenchRow rate(String key, String configuration, long articles, String population, double seconds,
                         long bytes) {
        return new BenchRow(key, configuration, articles, population, articles / seconds, bytes / seconds / 1e6,
                null, null, null, null, null, "");
    }

    BenchRow withRatio(Double value) {
        return new BenchRow(key, configuration, articles, population, articlesPerSecond, megabytesPerSecond, value,
                countedPerSecond, heapMb, rssMb, latency, note);
    }

    BenchRow withCounted(Double value) {
        return new BenchRow(key, configuration, articles, population, articlesPerSecond, megabytesPerSecond, ratio,
                value, heapMb, rssMb, latency, note);
    }

    BenchRow withMemory(ChildJvm.Memory memory) {
        return new BenchRow(key, configuration, articles, population, articlesPerSecond, megabytesPerSecond, ratio,
                countedPerSecond, memory.heapMb(), memory.rssMb(), latency, note);
    }

    BenchRow withLatency(Latency value) {
        return new BenchRow(key, configuration, articles, population, articlesPerSecond, megabytesPerSecond, ratio,
                countedPerSecond, heapMb, rssMb, value, note);
    }

    BenchRow withNote(String value) {
        String joined = note.isEmpty() ? value : value.isEmpty() ? note : note + "; " + value;
        return new BenchRow(key, configuration, articles, population, articlesPerSecond, megabytesPerSecond, ratio,
                countedPerSecond, heapMb, rssMb, latency, joined);
    }
}
