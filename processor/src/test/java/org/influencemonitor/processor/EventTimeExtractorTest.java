package org.influencemonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.influencemonitor.model.Article;
import org.junit.jupiter.api.Test;

/**
 * Event time is {@code published_at}, unless no article could carry it: then the record's own time, so
 * that one record from a careless producer can neither move stream time to year 9999 nor be dropped for
 * a negative time, and its dead letter carries a time the broker accepts.
 */
class EventTimeExtractorTest {
    private static final Instant PRODUCED = Instant.parse("2026-12-01T12:00:00Z");
    private final EventTimeExtractor extractor = new EventTimeExtractor(Duration.ofMinutes(15));

    private long extract(String publishedAt) {
        Article a = new Article(1, "id", "https://example.org/a", "s", "t", "x", "en",
                publishedAt == null ? null : Instant.parse(publishedAt), PRODUCED);
        return extractor.extract(new ConsumerRecord<>("articles.raw", 0, 0, PRODUCED.toEpochMilli(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "id", a,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty()), 0);
    }

    @Test
    void publicationTimeWithinTheToleranceOfTheRecordsTime() {
        assertEquals(Instant.parse("2024-10-18T14:05:00Z").toEpochMilli(), extract("2024-10-18T14:05:00Z"));
        assertEquals(PRODUCED.plusSeconds(600).toEpochMilli(), extract("2026-12-01T12:10:00Z"), "ten minutes ahead");
        assertEquals(PRODUCED.toEpochMilli(), extract(null), "undated: the record's time");
    }

    @Test
    void impossibleDatesGiveTheRecordsTime() {
        assertEquals(PRODUCED.toEpochMilli(), extract("2026-12-01T14:00:00Z"), "two hours ahead");
        assertEquals(PRODUCED.toEpochMilli(), extract("9999-12-31T23:59:59Z"));
        assertEquals(PRODUCED.toEpochMilli(), extract("+1000000000-12-31T23:59:59Z"), "no time in milliseconds");
        assertEquals(PRODUCED.toEpochMilli(), extract("0001-01-01T00:00:00Z"), "before 1970");
    }
}
