package org.influencemonitor.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one source did, counted as it happens and safe to read from any thread: the command's summary,
 * its progress line and the push endpoint's {@code /health} read {@link #tally()}; a metrics registry can
 * bind each counter as a function counter. A record is counted as read when a source hands it on, and
 * in one of the other counts once Kafka has settled it.
 */
public final class IngestCounts {
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void read() {
        read.incrementAndGet();
    }

    void published() {
        published.incrementAndGet();
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    public IngestTally tally() {
        // Outcomes before reads: a record read after the outcomes were taken only adds to pending, never
        // makes a count appear larger than what was read.
        long f = failed.get();
        long s = skipped.get();
        long r = rejected.get();
        long d = duplicates.get();
        long p = published.get();
        return new IngestTally(read.get(), p, d, r, s, f);
    }
}
