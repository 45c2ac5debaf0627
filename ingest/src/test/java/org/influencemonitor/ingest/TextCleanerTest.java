package org.influencemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
    @Test
    void htmlBecomesTextWithItsParagraphsAndWithoutScripts() {
        String html = "<p>Moldova&#8217;s <b>election</b> &amp; the <a href=\"x\">Kremlin</a></p>"
                + "<script>alert('x')</script><p>Second<br>line</p>";
        assertEquals("Moldova\u2019s election & the Kremlin\n\nSecond\nline", TextCleaner.body(html).text());
        assertEquals("Moldova\u2019s election & the Kremlin Second line", TextCleaner.title(html).text());
    }

    @Test
    void plainTextWithAngleBracketsIsNotParsedAsHtml() {
        assertEquals("turnout was <50% and x<y in 3 regions", TextCleaner.body("turnout was <50% and x<y in 3 regions").text());
        assertEquals("AT&T", TextCleaner.body("AT&T").text());
    }

    @Test
    void unicodeIsNfcWhitespaceCollapsesAndControlCharactersGo() {
        String decomposed = "Chis\u0326ina\u0306u";
        assertEquals("Chi\u0219in\u0103u", TextCleaner.title(decomposed).text());
        assertEquals("a b\nc\n\nd", TextCleaner.body("  a \t b\r\nc \n\n\n d\u0007 ").text());
        assertEquals("a b", TextCleaner.title("a\u00a0\u2003b").text());
    }

    @Test
    void nothingLeftIsNull() {
        assertNull(TextCleaner.body("  <p> </p> ").text());
        assertNull(TextCleaner.title(null).text());
    }

    @Test
    void longBodiesAreCutAtTheLimitWithoutSplittingASurrogatePair() {
        String body = "a".repeat(IngestLimits.MAX_TEXT_CHARS - 1) + "🗳🗳";
        TextCleaner.Cleaned cleaned = TextCleaner.body(body);
        assertTrue(cleaned.truncated());
        assertEquals(IngestLimits.MAX_TEXT_CHARS - 1, cleaned.text().length());
        assertFalse(TextCleaner.body("short").truncated());
        assertEquals(IngestLimits.MAX_TITLE_CHARS, TextCleaner.title("t".repeat(5_000)).text().length());
    }
}
