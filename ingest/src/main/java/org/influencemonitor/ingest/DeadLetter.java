package org.influencemonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.influencemonitor.model.DeadLetterHeaders;

/**
 * What goes to {@code articles.dlq} for input that is not an article: the original bytes, why, and where
 * they came from. Originals larger than {@link IngestLimits#MAX_RECORD_BYTES} would themselves be
 * refused by the broker, so their dead letter keeps the first {@link IngestLimits#DEAD_LETTER_PREFIX_BYTES}
 * and says so in two more headers.
 *
 * @param value        the bytes to write: the original, or its first bytes when it was too large to keep
 * @param originalSize how many bytes the original had
 */
public record DeadLetter(byte[] value, String reason, String origin, long originalSize) {
    public static final String REASON_HEADER = DeadLetterHeaders.REASON;
    public static final String ORIGIN_HEADER = DeadLetterHeaders.ORIGIN;
    /** {@code true} when the value holds only the first bytes of the original. */
    public static final String TRUNCATED_HEADER = DeadLetterHeaders.TRUNCATED;
    /** The original's size in bytes, written when the value is truncated. */
    public static final String ORIGINAL_BYTES_HEADER = DeadLetterHeaders.ORIGINAL_BYTES;

    /** Reasons and origins quote their input at most this long, so headers stay small. */
    static final int MAX_HEADER_CHARS = 2_000;

    public DeadLetter {
        reason = bounded(reason);
        origin = bounded(origin);
    }

    /** A dead letter for {@code original} (which may already be only the first bytes of {@code originalSize}). */
    public static DeadLetter of(byte[] original, long originalSize, String reason, String origin) {
        byte[] value = originalSize > IngestLimits.MAX_RECORD_BYTES || original.length > IngestLimits.MAX_RECORD_BYTES
                ? Arrays.copyOf(original, Math.min(original.length, IngestLimits.DEAD_LETTER_PREFIX_BYTES))
                : original;
        return new DeadLetter(value, reason, origin, Math.max(originalSize, original.length));
    }

    public static DeadLetter of(byte[] original, String reason, String origin) {
        return of(original, original.length, reason, origin);
    }

    public boolean truncated() {
        return value.length < originalSize;
    }

    void writeHeaders(Headers headers) {
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        if (truncated()) {
            headers.add(TRUNCATED_HEADER, "true".getBytes(StandardCharsets.UTF_8));
            headers.add(ORIGINAL_BYTES_HEADER, Long.toString(originalSize).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String bounded(String s) {
        return s.length() <= MAX_HEADER_CHARS ? s : s.substring(0, MAX_HEADER_CHARS - 3) + "...";
    }
}
