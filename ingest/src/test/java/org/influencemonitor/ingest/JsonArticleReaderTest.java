package org.influencemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArticleReaderTest {
    private final JsonArticleReader reader = new JsonArticleReader();

    private String reason(String json) {
        JsonArticleReader.Read read = reader.read(json);
        assertTrue(read instanceof JsonArticleReader.Read.Bad, json + " was read as " + read);
        return ((JsonArticleReader.Read.Bad) read).reason();
    }

    @Test
    void theFieldsOfArticlesRawAreReadAndOthersIgnored() {
        JsonArticleReader.Read read = reader.read("{\"url\":\"https://e.com/a\",\"title\":\"T\",\"text\":null,"
                + "\"published_at\":\"2024-10-18T16:05:00+02:00\",\"country_hints\":[\"MD\"],\"label\":\"fake\",\"n\":1}");
        Candidate c = ((JsonArticleReader.Read.Ok) read).candidate();
        assertEquals("https://e.com/a", c.url());
        assertEquals(Instant.parse("2024-10-18T14:05:00Z"), c.publishedAt());
        assertEquals(List.of("MD"), c.countryHints());
    }

    @Test
    void wrongTypesNameTheFieldAndTheValue() {
        assertEquals("title must be a string, not a number (12345)", reason("{\"url\":\"u\",\"title\":12345}"));
        assertEquals("title must be a string, not a boolean (true)", reason("{\"url\":\"u\",\"title\":true}"));
        assertEquals("url must be a string, not an object", reason("{\"url\":{\"href\":\"u\"},\"title\":\"T\"}"));
        assertEquals("country_hints must be an array of strings, not a string (\"MD\")",
                reason("{\"url\":\"u\",\"title\":\"T\",\"country_hints\":\"MD\"}"));
    }

    @Test
    void aTimestampIsAnIsoStringNeverACountOfMilliseconds() {
        assertEquals("published_at must be an ISO-8601 string such as \"2024-10-18T14:05:00Z\", not a number (1729260300000): "
                + "a count of seconds or milliseconds since 1970 is not accepted",
                reason("{\"url\":\"u\",\"title\":\"T\",\"published_at\":1729260300000}"));
        assertEquals("published_at \"2024-10-18T14:05:00\" has no time zone: write 2024-10-18T14:05:00Z for UTC, or give its offset",
                reason("{\"url\":\"u\",\"title\":\"T\",\"published_at\":\"2024-10-18T14:05:00\"}"));
    }

    @Test
    void textAfterTheObjectOtherValuesAndBrokenJsonAreRefused() {
        assertEquals("text after the JSON object, at column 25: one article per line",
                reason("{\"url\":\"u\",\"title\":\"T\"} {\"url\":\"v\"}"));
        assertTrue(reason("\"just a string\"").startsWith("not a JSON object but a string"));
        assertTrue(reason("{\"url\": \"u\", ").startsWith("not valid JSON: "));
        assertTrue(reason("{\"title\":\"a\rb\"}").startsWith("not valid JSON: Illegal unquoted character"),
                "a raw CR inside a string is not JSON");
    }

    @Test
    void tenThousandLevelsOfNestingAreRefusedWithoutAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertTrue(reason(deep).startsWith("not valid JSON: Document nesting depth"), reason(deep));
        String deepObject = "{\"url\":\"u\",\"title\":\"T\",\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001);
        assertTrue(reason(deepObject).contains("nesting depth"), reason(deepObject));
    }
}
