package org.influencemonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.processor.enrichment.ArticleValidator;
import org.junit.jupiter.api.Test;

/** What the processor refuses while reading: times outside 1970..now+tolerance, and invalid articles. */
class EventTimeGuardTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final Deserializer<Article> reader = EventTimeGuard.of(JsonSerde.of(Article.class), ArticleValidator::validate,
            Article::publishedAt, "published_at", Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC)).deserializer();

    private Article read(String publishedAt) {
        String json = "{\"id\":\"a\",\"title\":\"Moldova\"" + (publishedAt == null ? "" : ",\"published_at\":\"" + publishedAt + "\"") + "}";
        return reader.deserialize("articles.raw", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsArticlesFrom1970ToTheToleranceAheadAndWithoutATime() {
        assertEquals(Instant.EPOCH, read("1970-01-01T00:00:00Z").publishedAt());
        assertEquals(NOW.plusSeconds(900), read("2026-06-01T12:15:00Z").publishedAt());
        assertEquals(null, read(null).publishedAt());
    }

    @Test
    void refusesTimesBefore1970OrPastTheTolerance() {
        assertTrue(assertThrows(SerializationException.class, () -> read("1969-12-31T23:59:59Z")).getMessage()
                .contains("is before 1970-01-01T00:00:00Z"));
        assertTrue(assertThrows(SerializationException.class, () -> read("0001-01-01T00:00:00Z")).getMessage()
                .startsWith("published_at 0001-01-01T00:00:00Z is before"));
        assertEquals("published_at 9999-12-31T00:00:00Z is in the future: more than 15 min after now (2026-06-01T12:00:00Z)",
                assertThrows(SerializationException.class, () -> read("9999-12-31T00:00:00Z")).getMessage());
        assertThrows(SerializationException.class, () -> read("2026-06-01T12:15:01Z"));
    }

    @Test
    void refusesAnInvalidArticleWithItsReason() {
        byte[] noId = "{\"title\":\"Moldova\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("article has no id", assertThrows(RuntimeException.class,
                () -> reader.deserialize("articles.raw", noId)).getMessage());
    }
}
