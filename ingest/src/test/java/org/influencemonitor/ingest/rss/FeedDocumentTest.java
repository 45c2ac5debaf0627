package org.influencemonitor.ingest.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.influencemonitor.ingest.ArticleIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedDocumentTest {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>IPN Moldova</title><link>https://ipn.example/</link>
            <description>News</description><language>ro</language>
            <item><title>Moldova votes</title><link>https://ipn.example/a?utm_source=rss</link>
              <guid isPermaLink="false">ipn-1</guid><pubDate>Fri, 18 Oct 2024 14:05:00 GMT</pubDate>
              <description>&lt;p&gt;The &lt;b&gt;Kremlin&lt;/b&gt; denies it&lt;/p&gt;</description></item>
            <item><title>No link</title><guid isPermaLink="false">ipn-2</guid><description>Text only</description></item>
            </channel></rss>
            """;

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id><updated>2024-10-18T14:00:00Z</updated>
            <entry><title>Chişinău count</title><link href="https://atom.example/1"/><id>urn:1</id>
              <updated>2024-10-18T15:00:00+02:00</updated><content type="html">&lt;p&gt;Second &amp;amp; final&lt;/p&gt;</content></entry>
            </feed>
            """;

    private static FeedDocument.Parsed.Items items(String xml, String contentType) {
        return assertInstanceOf(FeedDocument.Parsed.Items.class,
                FeedDocument.parse(xml.getBytes(StandardCharsets.UTF_8), contentType, null));
    }

    private static String notAFeed(String body, String contentType) {
        return assertInstanceOf(FeedDocument.Parsed.NotAFeed.class,
                FeedDocument.parse(body.getBytes(StandardCharsets.UTF_8), contentType, "x")).reason();
    }

    @Test
    void rssItemsBecomeCandidatesKeyedByTheirArticleId() {
        FeedDocument.Parsed.Items feed = items(RSS, "application/rss+xml");
        assertEquals(2, feed.items().size());
        FeedItem first = feed.items().get(0);
        assertEquals(ArticleIdentity.idFor("https://ipn.example/a"), first.key());
        assertEquals("IPN Moldova", first.candidate().source());
        assertEquals("ro", first.candidate().language());
        assertEquals(Instant.parse("2024-10-18T14:05:00Z"), first.candidate().publishedAt());
        assertEquals("<p>The <b>Kremlin</b> denies it</p>", first.candidate().text(), "the intake cleans it, like any text");
        FeedItem second = feed.items().get(1);
        assertEquals("ipn-2", second.key(), "without a link the guid is the id");
        assertNull(second.candidate().url());
        assertNull(second.candidate().publishedAt());
    }

    @Test
    void atomEntriesToo() {
        FeedItem entry = items(ATOM, "application/atom+xml").items().get(0);
        assertEquals("https://atom.example/1", entry.candidate().url());
        assertEquals(Instant.parse("2024-10-18T13:00:00Z"), entry.candidate().publishedAt());
        assertEquals("<p>Second &amp; final</p>", entry.candidate().text());
        assertEquals("Chişinău count", entry.candidate().title());
    }

    @Test
    void anHtmlPageIsReportedAsOneWithItsTitle() {
        String page = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>down</body></html>";
        assertEquals("an HTML page, not a feed (\"503 Service Unavailable\")", notAFeed(page, "text/html; charset=utf-8"));
        assertEquals("an HTML page, not a feed (\"503 Service Unavailable\")", notAFeed(page, "application/xml"));
    }

    @Test
    void aDoctypeIsRefusedAndTheExternalEntityNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>";
        String reason = notAFeed(xxe, "application/rss+xml");
        assertEquals("the document declares a DOCTYPE, which is refused: no DTD or external entity is read", reason);
        assertTrue(!reason.contains("TOP-SECRET"));
    }

    @Test
    void aMalformedFeedIsNotAFeed() {
        assertTrue(notAFeed("<rss version=\"2.0\"><channel><title>t</title><item>", "application/rss+xml")
                .startsWith("not an RSS or Atom feed: "));
        assertTrue(notAFeed("{\"not\": \"xml\"}", "application/json").startsWith("not an RSS or Atom feed: "));
    }

    @Test
    void aFeedsFileNamesFeedsSourcesAndIntervals() {
        List<FeedSpec> feeds = FeedList.parse(List.of("# comment", "", "https://a.example/rss  IPN Moldova  interval=10m",
                "https://b.example/atom.xml # trailing comment"), Duration.ofMinutes(5), s -> Duration.ofMinutes(10), "feeds.txt");
        assertEquals(2, feeds.size());
        assertEquals("IPN Moldova", feeds.get(0).name());
        assertEquals(Duration.ofMinutes(10), feeds.get(0).interval());
        assertNull(feeds.get(1).name());
        assertEquals(Duration.ofMinutes(5), feeds.get(1).interval());
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FeedList.parse(List.of("ftp://a.example/x"), Duration.ofMinutes(5), Duration::parse, "feeds.txt"));
        assertEquals("feeds.txt:1: feed ftp://a.example/x: only http and https URLs can be polled", bad.getMessage());
    }

    @Test
    void aFailingFeedBacksOffDoublingUpToAnHourOrWhatTheServerAsks() {
        Duration five = Duration.ofMinutes(5);
        assertEquals(Duration.ofMinutes(10), Backoff.after(five, 1, null));
        assertEquals(Duration.ofMinutes(40), Backoff.after(five, 3, null));
        assertEquals(Duration.ofHours(1), Backoff.after(five, 30, null));
        assertEquals(Duration.ofHours(2), Backoff.after(five, 1, Duration.ofHours(2)));
        assertEquals(Duration.ofHours(6), Backoff.after(Duration.ofHours(6), 4, null), "never beyond the feed's own interval cap");
    }
}
