package org.influencemonitor.processor;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;

/**
 * Event time is when an article was published, not when it reached Kafka: a replayed week must be
 * counted in the hours it happened. Without {@code published_at} the record's own timestamp (the
 * ingest time) stands in.
 *
 * <p>So does it for a {@code published_at} no article can have: before 1970 (Kafka Streams would drop the
 * record, uncounted, for its negative time) or more than {@code futureTolerance} after the record's own
 * timestamp, when it was produced. Ingest never writes such records, but any producer on the cluster can.
 * Taken as event time, a date in year 9999 would move the task's stream time to the end of time (every
 * later article late), and the dead letter the processor then writes would carry it, which the broker
 * refuses ({@code log.message.timestamp.after.max.ms}, an hour by default), failing the stream thread
 * on that same record again and again. With the record's time, the article is rejected by its date
 * ({@code ArticleValidator}) into {@code articles.dlq} like any other bad article.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    private final long futureToleranceMs;

    public EventTimeExtractor(Duration futureTolerance) {
        this.futureToleranceMs = futureTolerance.toMillis();
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof Article article && article.publishedAt() != null && plausible(article, record.timestamp())) {
            return article.publishedAt().toEpochMilli();
        }
        if (value instanceof ClockTick tick && tick.eventTime() != null) {
            return tick.eventTime().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }

    /** Compared as instants: a year such as 1,000,000,000 has no time in milliseconds. */
    private boolean plausible(Article article, long recordTimestamp) {
        java.time.Instant published = article.publishedAt();
        return !published.isBefore(java.time.Instant.EPOCH) && (recordTimestamp < 0
                || !published.isAfter(java.time.Instant.ofEpochMilli(recordTimestamp).plusMillis(futureToleranceMs)));
    }
}
