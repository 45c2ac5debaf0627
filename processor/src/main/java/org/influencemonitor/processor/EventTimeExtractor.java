package org.influencemonitor.processor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;

/**
 * Event time is when an article was published, not when it reached Kafka: a replayed week must be
 * counted in the hours it happened. Without {@code published_at} the record's own timestamp (the
 * ingest time) stands in. Times outside the accepted range never get here ({@link EventTimeGuard});
 * and since Kafka Streams silently skips a record whose timestamp is negative, the result never is.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof Article article && article.publishedAt() != null) {
            return Math.max(0, article.publishedAt().toEpochMilli());
        }
        if (value instanceof ClockTick tick && tick.eventTime() != null) {
            return Math.max(0, tick.eventTime().toEpochMilli());
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }
}
