package org.influencemonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Wrong types are rejected with a reason instead of being coerced into something that looks right. */
class JsonStrictnessTest {
    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"a\",\"title\":12345}",
            "{\"id\":\"a\",\"title\":true}",
            "{\"id\":\"a\",\"title\":1.5}",
            "{\"id\":\"a\",\"title\":[\"x\"]}",
            "{\"id\":\"a\",\"title\":{\"x\":1}}",
            "{\"id\":7,\"title\":\"t\"}",
            "{\"id\":\"a\",\"title\":\"t\",\"schema_version\":\"1\"}",
            "{\"id\":\"a\",\"title\":\"t\",\"schema_version\":1.5}",
            "{\"id\":\"a\",\"title\":\"t\",\"published_at\":1700000000000}",
            "{\"id\":\"a\",\"title\":\"t\",\"published_at\":true}",
            "{\"id\":\"a\",\"title\":\"t\"} trailing",
            "{\"id\":\"a\",\"title\":\"t\"}{\"id\":\"b\"}"})
    void rejectsWhatWouldOtherwiseBeCoerced(String json) {
        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserialize("articles.raw", json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not a valid Article JSON value"), e.getMessage());
    }

    @Test
    void namesTheFieldOfATypeError() {
        SerializationException e = assertThrows(SerializationException.class, () -> serde.deserialize("articles.raw",
                "{\"id\":\"a\",\"title\":12345}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not a valid Article JSON value at title: "), e.getMessage());
        assertTrue(e.getMessage().contains("12345"), e.getMessage());
    }

    @Test
    void saysWhatATimestampMustLookLike() {
        SerializationException e = assertThrows(SerializationException.class, () -> serde.deserialize("articles.raw",
                "{\"id\":\"a\",\"title\":\"t\",\"published_at\":1700000000000}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("ISO-8601 string"), e.getMessage());
    }

    @Test
    void readsTheContractAsWritten() {
        Article article = serde.deserialize("articles.raw", ("{\"schema_version\":1,\"id\":\"a\",\"title\":\"t\","
                + "\"published_at\":\"2024-10-18T14:00:00Z\",\"unknown_field\":42}").getBytes(StandardCharsets.UTF_8));
        assertEquals(Instant.parse("2024-10-18T14:00:00Z"), article.publishedAt());
        assertEquals("t", article.title());
        assertEquals(1, article.schemaVersion());
    }
}
