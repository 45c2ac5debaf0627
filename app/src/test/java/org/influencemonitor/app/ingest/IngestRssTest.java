package org.influencemonitor.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.influencemonitor.app.KafkaCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor ingest rss} against a real HTTP server serving real RSS 2.0 and Atom documents, and a
 * real broker: conditional GET, no item sent twice across runs (the state lives in Kafka), HTML stripped,
 * and a malformed feed, an HTML page and a feed with an external entity each reported while the good
 * feed is read.
 */
class IngestRssTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private FeedServer site;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        site = new FeedServer();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static String rss(String base, int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>IPN Moldova</title><link>" + base + "</link><description>News</description><language>en</language>\n");
        for (int i = 1; i <= items; i++) {
            xml.append("<item><title>Moldova election, day ").append(i).append("</title><link>").append(base).append("news/")
                    .append(i).append("?utm_source=rss</link><guid>").append(base).append("news/").append(i)
                    .append("</guid><pubDate>Fri, 18 Oct 2024 1").append(i % 10).append(":05:00 GMT</pubDate>")
                    .append("<description><![CDATA[<p>The <b>Kremlin</b> denies buying votes, day ").append(i)
                    .append(".</p>]]></description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    @Test
    void itemsArePublishedOnceAcrossPollsAndRestartsAndAnUnchangedFeedIsNotModified() {
        String base = "https://ipn.example/once/";
        site.put("/rss.xml", 200, "application/rss+xml; charset=utf-8", rss(base, 3), "\"v1\"");
        String url = site.url("/rss.xml");

        MonitorRun first = MonitorRun.of("ingest", "rss", url, "--once", "--bootstrap-servers", KAFKA.bootstrapServers());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Ingest rss: read 3 items: 3 published, 0 duplicates, 0 rejected, 0 skipped; "
                + "1 polls (0 not modified, 0 failed)"), first.out());

        // A new run: its state (the ETag) comes from Kafka, so the unchanged feed is a 304.
        MonitorRun second = MonitorRun.of("ingest", "rss", url, "--once", "--bootstrap-servers", KAFKA.bootstrapServers());
        assertTrue(second.out().contains("read 0 items: 0 published, 0 duplicates, 0 rejected, 0 skipped; "
                + "1 polls (1 not modified, 0 failed)"), second.out());
        assertEquals(1, site.notModified("/rss.xml"));

        // The feed gains an item and a new ETag: only the new item is sent.
        site.put("/rss.xml", 200, "application/rss+xml; charset=utf-8", rss(base, 4), "\"v2\"");
        MonitorRun third = MonitorRun.of("ingest", "rss", url, "--once", "--bootstrap-servers", KAFKA.bootstrapServers());
        assertTrue(third.out().contains("read 4 items: 1 published, 3 duplicates, 0 rejected, 0 skipped"), third.out());

        List<IngestedTopics.Published> articles = new IngestedTopics(KAFKA.bootstrapServers()).articles(base);
        assertEquals(4, articles.size(), "each item once on articles.raw");
        assertEquals(4, articles.stream().map(p -> p.article().id()).distinct().count());
        IngestedTopics.Published day1 = articles.stream().filter(p -> p.article().title().endsWith("day 1")).findFirst().orElseThrow();
        assertEquals("The Kremlin denies buying votes, day 1.", day1.article().text(), "HTML stripped");
        assertEquals("IPN Moldova", day1.article().source());
        assertEquals("2024-10-18T11:05:00Z", day1.article().publishedAt().toString());
    }

    @Test
    void brokenFeedsAreReportedAndTheGoodOneIsStillRead() throws Exception {
        String base = "https://atom.example/mixed/";
        site.put("/atom.xml", 200, "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id>
                <updated>2024-10-18T14:00:00Z</updated>
                <entry><title>Chişinău count</title><link href="%s1"/><id>urn:1</id><updated>2024-10-18T15:00:00+02:00</updated>
                <content type="html">&lt;p&gt;Votes &amp;amp; fraud claims&lt;/p&gt;</content></entry>
                </feed>
                """.formatted(base), "\"a1\"");
        site.put("/broken.xml", 200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>x", null);
        site.put("/down.html", 200, "text/html", "<html><head><title>Service Unavailable</title></head><body>try later</body></html>", null);
        site.put("/secret.txt", 200, "text/plain", "TOP-SECRET-VALUE", null);
        site.put("/xxe.xml", 200, "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + site.url("/secret.txt") + "\">]><rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title>"
                + "<link>https://xxe.example/1</link></item></channel></rss>", null);
        Path feeds = dir.resolve("feeds.txt");
        Files.writeString(feeds, "# four feeds, three of them broken\n"
                + site.url("/atom.xml") + "  Atom News  interval=1m\n"
                + site.url("/broken.xml") + "\n" + site.url("/down.html") + "\n" + site.url("/xxe.xml") + "\n"
                + site.url("/missing.xml") + "\n");

        MonitorRun run = MonitorRun.of("ingest", "rss", "--feeds", feeds.toString(), "--once", "--bootstrap-servers",
                KAFKA.bootstrapServers());

        assertEquals(1, run.exit());
        assertEquals("monitor: 4 of 5 feeds failed (see the log)", run.err().strip());
        assertTrue(run.out().contains("read 1 items: 1 published, 0 duplicates, 0 rejected, 0 skipped; 5 polls (0 not modified, 4 failed)"),
                run.out());
        List<IngestedTopics.Published> articles = new IngestedTopics(KAFKA.bootstrapServers()).articles(base);
        assertEquals(1, articles.size());
        assertEquals("Votes & fraud claims", articles.get(0).article().text());
        assertEquals("Atom News", articles.get(0).article().source(), "the name from the feeds file");
        assertEquals(0, site.requests("/secret.txt"), "the external entity is never fetched");
        assertEquals(0, new IngestedTopics(KAFKA.bootstrapServers()).articles("https://xxe.example/").size());
        assertTrue(new IngestedTopics(KAFKA.bootstrapServers()).deadLetters("ingest rss").stream()
                .noneMatch(d -> d.text().contains("TOP-SECRET")));
    }

    @Test
    void itemsWithoutATitleOrALinkAreDeadLettersOnceNotEveryPoll() {
        site.put("/bad-items.xml", 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><description>no link, no guid</description></item>"
                + "<item><title> </title><link>https://bad.example/empty</link></item>"
                + "<item><title>fine</title><link>https://bad.example/fine</link></item></channel></rss>", null);
        String url = site.url("/bad-items.xml");

        MonitorRun first = MonitorRun.of("ingest", "rss", url, "--once", "--bootstrap-servers", KAFKA.bootstrapServers());
        MonitorRun second = MonitorRun.of("ingest", "rss", url, "--once", "--bootstrap-servers", KAFKA.bootstrapServers());

        assertTrue(first.out().contains("read 3 items: 1 published, 0 duplicates, 2 rejected, 0 skipped"), first.out());
        assertTrue(second.out().contains("read 3 items: 0 published, 3 duplicates, 0 rejected, 0 skipped"), second.out());
        var dead = new IngestedTopics(KAFKA.bootstrapServers()).deadLetters("ingest rss " + url);
        assertEquals(2, dead.size(), "dead-lettered once, on the first poll");
        assertEquals(List.of("article has neither title nor text", "article has neither url nor id"),
                dead.stream().map(IngestedTopics.DeadLetter::reason).sorted().collect(Collectors.toList()));
    }
}
