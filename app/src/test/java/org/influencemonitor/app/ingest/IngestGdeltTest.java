package org.influencemonitor.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.ingest.AcceptedTimes;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.ArticleRules;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.RecentIds;
import org.influencemonitor.ingest.gdelt.GdeltFollower;
import org.influencemonitor.ingest.gdelt.GdeltIngest;
import org.influencemonitor.ingest.rss.FeedStateStore;
import org.influencemonitor.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor ingest gdelt} on the GKG 2.1 and DOC 2.0 fixtures in {@code src/test/resources/gdelt}
 * (made for these tests in the real formats), zipped as GDELT ships them, and followed as a directory
 * and as a {@code lastupdate.txt} index served over HTTP, against a real broker.
 */
class IngestGdeltTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        return Path.of("src/test/resources/gdelt", name);
    }

    private Path zipped(Path file) throws IOException {
        Path zip = dir.resolve(file.getFileName() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(file.getFileName().toString()));
            out.write(Files.readAllBytes(file));
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void aZippedGkgFileGivesArticlesWithIsoCountryHintsAndRejectsWhatIsNoArticle() throws IOException {
        Path zip = zipped(fixture("20241018140000.gkg.csv"));

        MonitorRun run = MonitorRun.of("ingest", "gdelt", zip.toString(), "--bootstrap-servers", KAFKA.bootstrapServers());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Ingest gdelt: read 5 records: 3 published, 0 duplicates, 2 rejected, 0 skipped; 1 files (0 failed)"),
                run.out());
        IngestedTopics topics = new IngestedTopics(KAFKA.bootstrapServers());
        Map<String, Article> byUrl = topics.articles("https://").stream().map(IngestedTopics.Published::article)
                .filter(a -> a.source() != null && (a.source().equals("ipn.md") || a.source().equals("example.ro")))
                .collect(Collectors.toMap(Article::url, a -> a, (a, b) -> a));
        Article ipn = byUrl.get("https://www.ipn.md/en/moldova-vote-buying-probe-7965_1107000.html");
        assertEquals("Moldova: police probe Kremlin-linked vote buying ahead of the election & referendum", ipn.title());
        assertEquals(List.of("MD", "RU", "UA"), ipn.countryHints());
        assertEquals("2024-10-18T14:00:00Z", ipn.publishedAt().toString());
        assertEquals(List.of("RO", "DE"), byUrl.get("https://example.ro/alegeri/moldova-referendum").countryHints());
        var dead = topics.deadLetters("ingest gdelt " + zip + ":");
        assertEquals(Map.of("ingest gdelt " + zip + ":3", "a GKG 2.1 record has 27 tab-separated fields, this one 4",
                        "ingest gdelt " + zip + ":4", "article has neither title nor text"),
                dead.stream().collect(Collectors.toMap(IngestedTopics.DeadLetter::origin, IngestedTopics.DeadLetter::reason)));
    }

    @Test
    void aDocArtListAnswerGivesItsArticles() {
        Path artlist = fixture("artlist.json");

        MonitorRun run = MonitorRun.of("ingest", "gdelt", artlist.toString(), "--bootstrap-servers", KAFKA.bootstrapServers());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("read 3 records: 2 published, 0 duplicates, 1 rejected, 0 skipped"), run.out());
        Article tass = new IngestedTopics(KAFKA.bootstrapServers()).articles("https://tass.com/").get(0).article();
        assertEquals("en", tass.language());
        assertEquals("tass.com", tass.source());
        assertEquals("2024-10-21T06:15:00Z", tass.publishedAt().toString());
    }

    @Test
    void followingADirectoryReadsEachNewFileOnceAlsoAfterARestart() throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror"));
        Files.copy(zipped(fixture("20241018140000.gkg.csv")), mirror.resolve("20241018140000.gkg.csv.zip"));
        Files.writeString(mirror.resolve(".20241018141500.gkg.csv.zip.part"), "half a download");
        try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.bootstrapServers(), new Properties());
             FeedStateStore store = new FeedStateStore(KAFKA.bootstrapServers(), new Properties())) {
            Intake intake = new Intake(publisher, new ArticleRules(AcceptedTimes.defaults(Clock.systemUTC())), new RecentIds(100));
            GdeltFollower follower = new GdeltFollower(mirror.toString(), new GdeltIngest(intake), store, Clock.systemUTC());

            assertEquals(new GdeltFollower.Pass(1, 0), follower.pass());
            assertEquals(new GdeltFollower.Pass(0, 0), follower.pass(), "nothing new");
            Files.copy(zipped(fixture("20241018141500.gkg.csv")), mirror.resolve("20241018141500.gkg.csv.zip"));
            assertEquals(new GdeltFollower.Pass(1, 0), follower.pass(), "the new file only");

            GdeltFollower restarted = new GdeltFollower(mirror.toString(), new GdeltIngest(intake), store, Clock.systemUTC());
            assertEquals(new GdeltFollower.Pass(0, 0), restarted.pass(), "what was read is remembered in Kafka");
            assertEquals(6, intake.counts().tally().read());
            assertEquals(4, intake.counts().tally().published(), "3 of the first file, 1 of the second");
        }
    }

    @Test
    void followingALastUpdateIndexFetchesItsGkgFileOverHttp() throws Exception {
        try (FeedServer site = new FeedServer();
             ArticlePublisher publisher = new ArticlePublisher(KAFKA.bootstrapServers(), new Properties());
             FeedStateStore store = new FeedStateStore(KAFKA.bootstrapServers(), new Properties())) {
            // The zipped file is served as text by this test server, so serve the plain GKG file: the reader
            // recognises a zip by its bytes, and the follower by the index, not by the name.
            site.put("/gdeltv2/20241018141500.gkg.csv", 200, "text/csv", Files.readString(fixture("20241018141500.gkg.csv")), null);
            site.put("/gdeltv2/lastupdate.txt", 200, "text/plain",
                    "150383 297a16b493de7cf6ca809a7cc31d0b93 " + site.url("/gdeltv2/20241018141500.export.CSV.zip") + "\n"
                            + "318084 bb27f78ba45f69a17ea6ed7755e9f8ff " + site.url("/gdeltv2/20241018141500.mentions.CSV.zip") + "\n"
                            + "10768507 ea8dde0beb0ba98810a92db068c0ce99 " + site.url("/gdeltv2/20241018141500.gkg.csv") + "\n", null);
            Intake intake = new Intake(publisher, new ArticleRules(AcceptedTimes.defaults(Clock.systemUTC())), new RecentIds(100));
            GdeltFollower follower = new GdeltFollower(site.url("/gdeltv2/lastupdate.txt"), new GdeltIngest(intake), store,
                    Clock.systemUTC());

            assertEquals(new GdeltFollower.Pass(1, 0), follower.pass());
            assertEquals(new GdeltFollower.Pass(0, 0), follower.pass());

            assertEquals(1, site.requests("/gdeltv2/20241018141500.gkg.csv"), "fetched once");
            assertEquals(0, site.requests("/gdeltv2/20241018141500.export.CSV.zip"), "the event files are not GKG");
            assertEquals(1, intake.counts().tally().published());
        }
    }
}
