package org.influencemonitor.processor.errors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.influencemonitor.model.ArticleLimits;
import org.influencemonitor.model.DeadLetterHeaders;
import org.slf4j.Logger;

/**
 * Builds the dead-letter record with Kafka Streams' own builder (original key and value bytes, the
 * standard {@code __streams.errors.*} headers) and adds the headers ingest writes too
 * ({@link DeadLetterHeaders}), so one consumer can read every DLQ record.
 *
 * <p>A dead letter must never be refused by the broker: a refused one fails the stream thread, which is
 * replaced, reads the same record again and fails again, forever. So it carries the time it was written
 * (the original's timestamp may be year 9999, which the broker refuses, or 1969) with the original's in a
 * header, and of an original too large to write again it keeps only the first bytes, as ingest does.
 */
final class DeadLetters {
    static final String REASON_HEADER = DeadLetterHeaders.REASON;
    static final String ORIGIN_HEADER = DeadLetterHeaders.ORIGIN;
    /** Reasons quote their input at most this long, so that headers stay small (ingest's bound too). */
    static final int MAX_REASON_CHARS = 2_000;

    private DeadLetters() {
    }

    /** The dead-letter topic the handlers were configured with, or null when there is none. */
    static String topic(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? null : topic.toString();
    }

    static List<ProducerRecord<byte[], byte[]>> records(String dlqTopic, ErrorHandlerContext context, Exception e,
                                                        Logger log) {
        return records(dlqTopic, context, e, log, System.currentTimeMillis());
    }

    /** As above, the dead letter stamped {@code nowMs}. */
    static List<ProducerRecord<byte[], byte[]>> records(String dlqTopic, ErrorHandlerContext context, Exception e,
                                                        Logger log, long nowMs) {
        String reason = bounded(reasonOf(e));
        String origin = context.topic() + "-" + context.partition() + "@" + context.offset();
        log.warn("Rejected record {} to {}: {}", origin, dlqTopic, reason);
        if (dlqTopic == null || dlqTopic.isBlank()) {
            return List.of();
        }
        byte[] value = context.sourceRawValue();
        byte[] key = context.sourceRawKey();
        ProducerRecord<byte[], byte[]> built = ExceptionHandlerUtils.buildDeadLetterQueueRecord(
                dlqTopic, prefix(key), prefix(value), context, e);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, null, nowMs, built.key(), built.value(),
                built.headers());
        Headers headers = record.headers();
        headers.add(REASON_HEADER, utf8(reason));
        headers.add(ORIGIN_HEADER, utf8("processor " + origin));
        headers.add(DeadLetterHeaders.ORIGINAL_TIMESTAMP, utf8(Long.toString(context.timestamp())));
        if (tooLarge(value) || tooLarge(key)) {
            headers.add(DeadLetterHeaders.TRUNCATED, utf8("true"));
            headers.add(DeadLetterHeaders.ORIGINAL_BYTES, utf8(Long.toString(value == null ? 0 : value.length)));
        }
        return List.of(record);
    }

    private static boolean tooLarge(byte[] bytes) {
        return bytes != null && bytes.length > ArticleLimits.MAX_RECORD_BYTES;
    }

    /** The bytes, or their first {@link ArticleLimits#DEAD_LETTER_PREFIX_BYTES} when they are too large to write. */
    private static byte[] prefix(byte[] bytes) {
        return tooLarge(bytes) ? Arrays.copyOf(bytes, ArticleLimits.DEAD_LETTER_PREFIX_BYTES) : bytes;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String bounded(String s) {
        return s.length() <= MAX_REASON_CHARS ? s : s.substring(0, MAX_REASON_CHARS - 3) + "...";
    }

    /** The innermost message: a wrapped parse error says more than its wrapper. */
    static String reasonOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() != null
                && !t.getClass().getName().startsWith("org.influencemonitor")) {
            if (t.getClass().getName().contains("SerializationException")) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
