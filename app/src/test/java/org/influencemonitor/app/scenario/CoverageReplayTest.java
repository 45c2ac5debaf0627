package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.influencemonitor.app.PipelineDrain;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's outage through a real broker with three source and three counting partitions: every counting
 * task computes the coverage watch from the broadcast source clocks, yet the {@code coverage} incident
 * appears once on {@code alerts} (fired, then resolved under the same id), and the country incident open
 * during the outage is not resolved by its quiet windows, on whichever partition that country is counted.
 */
class CoverageReplayTest {
    private static final String APP_ID = "coverage-replay";
    private static final int PARTITIONS = 3;
    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final int SURGE_HOUR = 72;
    private static final int OUTAGE_FROM = 73;
    private static final int OUTAGE_TO = 79;
    private static final int END_HOUR = 88;

    @TempDir
    Path dir;

    @Test
    void oneCoverageIncidentOnAlertsWhateverThePartitions() throws Exception {
        MonitorConfig config = MonitorConfig.defaults().withRules(RulesConfig.defaults(), ElectionCalendar.empty())
                .withThreshold(10).withRepartitionPartitions(PARTITIONS).withSourcePartitions(PARTITIONS);
        Properties client = new Properties();
        List<Alert> alerts;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            String bootstrap = broker.bootstrapServers();
            TopicSetup.ensureTopics(bootstrap, client, PARTITIONS, PARTITIONS);
            try (ProcessorService processor = new ProcessorService(MonitorTopology.build(config, Tagger.defaults()),
                    StreamsSettings.of(bootstrap, APP_ID, Files.createDirectories(dir.resolve("state")), client))) {
                processor.start();
                processor.awaitRunning(Duration.ofMinutes(2));
                try (ArticlePublisher publisher = new ArticlePublisher(bootstrap, client);
                     PipelineDrain drain = new PipelineDrain(bootstrap, client)) {
                    articles().forEach(publisher::publish);
                    publisher.flush();
                    drain.awaitCaughtUp(APP_ID, Topics.ARTICLES_RAW::equals, Duration.ofMinutes(5));
                    publisher.advanceClock(hour(END_HOUR).plus(Duration.ofMinutes(30)));
                    publisher.flush();
                    drain.awaitCaughtUp(APP_ID, topic -> topic.equals(Topics.ARTICLES_RAW)
                            || topic.equals(Topics.MONITOR_CLOCK) || topic.endsWith("-repartition"), Duration.ofMinutes(5));
                }
            }
            alerts = TopicSnapshot.read(bootstrap, new Properties(), EventTopics.ALERTS.name()).stream()
                    .map(r -> EventTopics.ALERTS.valueSerde().deserializer().deserialize(EventTopics.ALERTS.name(), r.value()))
                    .toList();
        }
        List<Alert> coverage = alerts.stream().filter(a -> a.rule().equals("coverage")).toList();
        assertEquals(2, coverage.size(), "one firing and one resolved event, not one per partition: " + coverage);
        assertEquals(Alert.Status.FIRING, coverage.get(0).status());
        assertEquals("ZZ", coverage.get(0).country());
        assertTrue(coverage.get(0).summary().contains("Wire A"), coverage.get(0).summary());
        assertEquals(hour(OUTAGE_FROM), coverage.get(0).windowStart());
        assertEquals(Alert.Status.RESOLVED, coverage.get(1).status());
        assertEquals(coverage.get(0).alertId(), coverage.get(1).alertId());
        assertEquals(hour(OUTAGE_TO), coverage.get(1).windowStart());
        List<Alert> md = alerts.stream().filter(a -> a.country().equals("MD")).toList();
        assertTrue(md.stream().anyMatch(a -> a.status() == Alert.Status.FIRING), "MD's surge fires: " + md);
        assertTrue(md.stream().noneMatch(a -> a.status() == Alert.Status.RESOLVED
                && !a.windowStart().isBefore(hour(OUTAGE_FROM)) && a.windowStart().isBefore(hour(OUTAGE_TO))),
                "held through the outage: " + md);
    }

    /** Wire A: 20 an hour about DE, FR, PL (a quarter not about elections), silent in the outage; Wire B: 6 an hour. */
    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int h = 0; h < END_HOUR; h++) {
            for (int i = 0; i < 20 && !(h >= OUTAGE_FROM && h < OUTAGE_TO); i++) {
                String country = List.of("Germany", "France", "Poland").get(i % 3);
                Instant at = hour(h).plusSeconds(i * 170L + 7);
                out.add(i % 4 == 3 ? article("a-" + h + "-" + i, "Wire A", at, "Weather", "Sunny spells across " + country + ".")
                        : election("a-" + h + "-" + i, "Wire A", at, country));
            }
            for (int i = 0; i < 6; i++) {
                out.add(election("b-" + h + "-" + i, "Wire B", hour(h).plusSeconds(i * 550L + 13), i == 0 ? "Moldova" : "Romania"));
            }
            if (h == SURGE_HOUR) {
                for (int i = 0; i < 12; i++) {
                    out.add(election("s-" + i, "Wire B", hour(h).plusSeconds(i * 240L + 31), "Moldova"));
                }
            }
        }
        out.sort(Comparator.comparing(Article::publishedAt));
        return out;
    }

    private static Article election(String id, String source, Instant at, String country) {
        return article(id, source, at, country + " election under pressure",
                "Officials in " + country + " say the vote is being disputed before the election.");
    }

    private static Article article(String id, String source, Instant at, String title, String text) {
        return new Article(1, id, "https://news.example/" + id, source, title, text, "en", at, at);
    }

    private static Instant hour(int h) {
        return T0.plus(Duration.ofHours(h));
    }
}
