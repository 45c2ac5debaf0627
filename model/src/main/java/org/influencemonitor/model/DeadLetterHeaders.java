package org.influencemonitor.model;

/**
 * The headers every writer of {@code articles.dlq} (ingest and the processor) and {@code alerts.dlq} puts on a
 * dead letter, so that one consumer can read them all. Part of the contract: names are only ever added.
 */
public final class DeadLetterHeaders {
    /** Why the record was rejected, one line. */
    public static final String REASON = "monitor.error.reason";
    /** Where it was rejected: {@code ingest file PATH:LINE}, {@code processor articles.raw-0@17}, ... */
    public static final String ORIGIN = "monitor.error.origin";
    /** {@code true} when the value holds only the first bytes of the original. */
    public static final String TRUNCATED = "monitor.error.truncated";
    /** The original's size in bytes, written when the value is truncated. */
    public static final String ORIGINAL_BYTES = "monitor.error.original-bytes";
    /**
     * The Kafka timestamp (milliseconds since 1970) the rejected record had, written by the processor: the dead
     * letter itself carries the time it was rejected, since the original's timestamp may be one the broker
     * refuses (a year-9999 article) or one time-based retention deletes at once.
     */
    public static final String ORIGINAL_TIMESTAMP = "monitor.error.original-timestamp";

    private DeadLetterHeaders() {
    }
}
