package org.influencemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.influencemonitor.model.Article;
import org.junit.jupiter.api.Test;

class ArticleLineParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final ArticleLineParser parser = new ArticleLineParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anArticleGetsItsCanonicalUrlIdAndIngestTime() {
        ArticleLineParser.Parsed parsed = parser.parse("""
                {"id":"theirs","url":"https://www.example.com/x/?utm_source=a","source":"Example","title":"T",
                 "text":"Body","language":"en","published_at":"2024-10-18T14:05:00Z","extra":"ignored"}""");
        assertFalse(parsed.isRejected());
        Article a = parsed.article();
        assertEquals(ArticleIdentity.idFor("https://example.com/x"), a.id());
        assertEquals(NOW, a.ingestedAt());
        assertEquals(Instant.parse("2024-10-18T14:05:00Z"), a.publishedAt());
        assertEquals(1, a.schemaVersion());
        assertEquals("Example", a.source());
    }

    @Test
    void withoutAUrlTheGivenIdIsKeptAndWithoutATimeTheIngestTimeStandsInFlagged() {
        ArticleLineParser.Parsed parsed = parser.parse("{\"id\":\" gdelt-42 \",\"title\":\"T\"}");
        assertEquals("gdelt-42", parsed.article().id());
        assertEquals(NOW, parsed.article().publishedAt());
        assertTrue(parsed.article().publishedAtFromIngest());
        assertFalse(parser.parse("{\"id\":\"x\",\"title\":\"T\",\"published_at\":\"2024-10-18T14:05:00+02:00\"}")
                .article().publishedAtFromIngest());
    }

    @Test
    void eachKindOfBadLineHasItsOwnReason() {
        assertTrue(parser.parse("{\"url\": \"https://e.com/a\", ").rejection().startsWith("not valid JSON"));
        assertTrue(parser.parse("[1,2]").rejection().startsWith("not a JSON object but an array"));
        assertEquals("article has neither url nor id", parser.parse("{\"title\":\"T\",\"text\":\"x\"}").rejection());
        assertEquals("article has neither title nor text", parser.parse("{\"url\":\"https://e.com/a\",\"title\":\"\"}").rejection());
        assertEquals("published_at \"yesterday\" is not an ISO-8601 timestamp such as \"2024-10-18T14:05:00Z\"",
                parser.parse("{\"url\":\"https://e.com/a\",\"title\":\"T\",\"published_at\":\"yesterday\"}").rejection());
    }
}
