package org.influencemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.influencemonitor.model.Article;
import org.junit.jupiter.api.Test;

class ArticleRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final ArticleRules rules = new ArticleRules(new AcceptedTimes(Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC)));

    private Article accepted(Candidate c) {
        ArticleRules.Checked checked = rules.check(c);
        assertTrue(checked instanceof ArticleRules.Accepted, c + ": " + checked);
        return ((ArticleRules.Accepted) checked).article();
    }

    private String refused(Candidate c) {
        ArticleRules.Checked checked = rules.check(c);
        assertTrue(checked instanceof ArticleRules.Refused, c + " was accepted");
        return ((ArticleRules.Refused) checked).reason();
    }

    private static Candidate at(Instant publishedAt) {
        return new Candidate(null, "https://e.com/a", "E", "T", "x", "en", publishedAt);
    }

    @Test
    void publicationTimesFrom1970ToTheFutureToleranceAreAccepted() {
        assertEquals(Instant.EPOCH, accepted(at(Instant.EPOCH)).publishedAt());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), accepted(at(NOW.plus(Duration.ofMinutes(15)))).publishedAt());
        assertEquals("published_at 1969-12-31T23:59:59Z is before 1970-01-01T00:00:00Z, the earliest accepted time",
                refused(at(Instant.parse("1969-12-31T23:59:59Z"))));
        assertTrue(refused(at(Instant.parse("0001-01-01T00:00:00Z"))).startsWith("published_at 0001-01-01T00:00:00Z is before 1970"));
        assertEquals("published_at 2026-11-25T10:15:01Z is in the future: more than 15 min after now (2026-11-25T10:00:00Z)",
                refused(at(NOW.plusSeconds(901))));
        assertTrue(refused(at(Instant.parse("9999-12-31T23:59:59Z"))).contains("in the future"));
    }

    @Test
    void aDeclaredLanguageIsKeptAndAMissingOneIsDetectedFromTheText() {
        assertEquals("en", accepted(at(NOW)).language(), "declared, though the text gives nothing to go on");
        Article polish = accepted(new Candidate(null, "https://e.com/pl", "E", "Wybory w Polsce",
                "Państwowa Komisja Wyborcza ogłosiła wyniki wyborów parlamentarnych w niedzielę wieczorem.", null, NOW));
        assertEquals("pl", polish.language());
        Article georgian = accepted(new Candidate(null, "https://e.com/ka", "E", "საქართველოს არჩევნები", null, "", NOW));
        assertEquals("ka", georgian.language());
        assertEquals(null, accepted(new Candidate(null, "https://e.com/n", "E", "2024", "12 34", null, NOW)).language(),
                "no letters: no language rather than a guess");
    }

    @Test
    void withoutATimeTheIngestTimeStandsInAndSaysSo() {
        Article a = accepted(at(null));
        assertEquals(NOW, a.publishedAt());
        assertEquals(NOW, a.ingestedAt());
        assertTrue(a.publishedAtFromIngest());
        assertFalse(accepted(at(NOW)).publishedAtFromIngest());
    }

    @Test
    void theIdComesFromTheCanonicalUrlAndTheTextIsCleaned() {
        Article a = accepted(new Candidate("theirs", " https://www.e.com/a/?utm_source=x ", " Example\n News ",
                "<b>Moldova</b>  votes", "<p>One</p><p>Two</p>", " en ", null, List.of("md", "MD", "RU")));
        assertEquals(ArticleIdentity.idFor("https://e.com/a"), a.id());
        assertEquals("https://www.e.com/a/?utm_source=x", a.url());
        assertEquals("Example News", a.source());
        assertEquals("Moldova votes", a.title());
        assertEquals("One\n\nTwo", a.text());
        assertEquals("en", a.language());
        assertEquals(List.of("MD", "RU"), a.countryHints());
        assertFalse(a.truncated());
    }

    @Test
    void whatCannotBeAnArticleIsRefusedWithItsReason() {
        assertEquals("article has neither url nor id", refused(new Candidate(" ", null, null, "T", null, null, null)));
        assertEquals("article has neither title nor text",
                refused(new Candidate("x", null, null, "<p> </p>", " ", null, null)));
        assertEquals("country hint \"Moldova\" is not an ISO 3166-1 alpha-2 code",
                refused(new Candidate("x", null, null, "T", null, null, null, List.of("Moldova"))));
        assertTrue(refused(new Candidate("x".repeat(300), null, null, "T", null, null, null)).startsWith("id is 300 characters"));
    }

    @Test
    void aHugeBodyIsCutAndFlagged() {
        Article a = accepted(new Candidate("x", null, null, "T", "word ".repeat(50_000), null, null));
        assertTrue(a.truncated());
        assertTrue(a.text().length() <= IngestLimits.MAX_TEXT_CHARS);
    }
}
