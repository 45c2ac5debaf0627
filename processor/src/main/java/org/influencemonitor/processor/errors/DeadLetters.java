package org.influencemonitor.processor.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;

/**
 * Builds the dead-letter record with Kafka Streams' own builder (original key and value bytes, the
 * standard {@code __streams.errors.*} headers) and adds {@code monitor.error.reason} and
 * {@code monitor.error.origin}, the headers ingest writes too, so one consumer can read every DLQ record.
 */
final class DeadLetters {
    static final String REASON_HEADER = "monitor.error.reason";
    static final String ORIGIN_HEADER = "monitor.error.origin";

    private DeadLetters() {
    }

    /** The dead-letter topic the handlers were configured with, or null when there is none. */
    static String topic(java.util.Map<String, ?> configs) {
        Object topic = configs.get(org.apache.kafka.streams.StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? null : topic.toString();
    }

    static List<ProducerRecord<byte[], byte[]>> records(String dlqTopic, ErrorHandlerContext context, Exception e,
                                                        Logger log) {
        String reason = reasonOf(e);
        String origin = context.topic() + "-" + context.partition() + "@" + context.offset();
        log.warn("Rejected record {} to {}: {}", origin, dlqTopic, reason);
        if (dlqTopic == null || dlqTopic.isBlank()) {
            return List.of();
        }
        ProducerRecord<byte[], byte[]> record = ExceptionHandlerUtils.buildDeadLetterQueueRecord(
                dlqTopic, context.sourceRawKey(), context.sourceRawValue(), context, e);
        record.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(ORIGIN_HEADER, ("processor " + origin).getBytes(StandardCharsets.UTF_8));
        return List.of(record);
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
