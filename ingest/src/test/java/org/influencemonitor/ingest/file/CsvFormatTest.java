package org.influencemonitor.ingest.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.influencemonitor.ingest.Candidate;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
    private static Candidate article(RecordFormat.Parsed parsed) {
        return assertInstanceOf(RecordFormat.Parsed.Article.class, parsed).candidate();
    }

    @Test
    void columnsAreFoundByTheirFieldNamesInAnyCaseAndOthersIgnored() {
        CsvFormat csv = new CsvFormat(Map.of());
        assertInstanceOf(RecordFormat.Parsed.Header.class, csv.parse("URL,Title,extra,published_at,country_hints"));
        Candidate c = article(csv.parse("https://e.com/a,\"Moldova, the vote\",x,2024-10-18T14:05:00Z,MD; RU"));
        assertEquals("https://e.com/a", c.url());
        assertEquals("Moldova, the vote", c.title());
        assertEquals(Instant.parse("2024-10-18T14:05:00Z"), c.publishedAt());
        assertEquals(List.of("MD", "RU"), c.countryHints());
        assertEquals(null, article(csv.parse("https://e.com/b,T,,,")).publishedAt(), "an empty cell is an absent field");
    }

    @Test
    void aMappingNamesTheColumnOfAField() {
        CsvFormat csv = new CsvFormat(Map.of("title", "headline", "published_at", "date", "text", "body"));
        csv.parse("link,headline,date,body,url");
        Candidate c = article(csv.parse("ignored,H,2024-10-18T14:05:00Z,\"line one\nline two\",https://e.com/a"));
        assertEquals("H", c.title());
        assertEquals("line one\nline two", c.text());
        assertEquals("https://e.com/a", c.url());
    }

    @Test
    void badRowsAreRejectionsAndABadHeaderIsTheUsersMistake() {
        CsvFormat csv = new CsvFormat(Map.of());
        csv.parse("url,title");
        assertEquals("the record has 3 fields, the header has 2",
                assertInstanceOf(RecordFormat.Parsed.Bad.class, csv.parse("a,b,c")).reason());
        assertTrue(assertInstanceOf(RecordFormat.Parsed.Bad.class, csv.parse("https://e.com/a,T\",x"))
                .reason().length() > 0);
        assertTrue(assertThrows(CsvFormat.CsvHeaderException.class, () -> new CsvFormat(Map.of()).parse("link,headline"))
                .getMessage().startsWith("the CSV header has no url or id column (it has: link, headline)"));
        assertTrue(assertThrows(CsvFormat.CsvHeaderException.class,
                () -> new CsvFormat(Map.of("title", "headline")).parse("url,title")).getMessage()
                .startsWith("--column title=headline: the CSV header has no column named \"headline\""));
        assertThrows(IllegalArgumentException.class, () -> new CsvFormat(Map.of("headline", "x")));
    }
}
