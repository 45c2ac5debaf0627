package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.influencemonitor.ingest.ArticleIdentity;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.RuleKind;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor stopped in the middle of an incident and started again elsewhere (a new state directory,
 * so everything it knows comes back from Kafka's changelogs) carries the same incident on: the same
 * alert id, the update numbers going on from where they were, and no event twice.
 */
class RestartTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final Instant HOUR = Instant.parse("2024-10-18T14:00:00Z");
    private static final String APP = "restart-test";

    @TempDir
    Path dir;

    @Test
    void aRestartInTheMiddleOfAnIncidentNeitherRepeatsNorLosesAnAlert() throws Exception {
        Properties client = new Properties();
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), client, 1, 3);
        MonitorConfig config = MonitorConfig.defaults().withThreshold(3).withRepartitionPartitions(3);

        try (ProcessorService first = start(config, dir.resolve("first"))) {
            publish(HOUR, 4, "a");
            awaitAlerts(1);
        }
        try (ProcessorService second = start(config, dir.resolve("second"))) {
            publish(HOUR.plusSeconds(3600), 3, "b");
            try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.bootstrapServers(), client)) {
                publisher.advanceClock(HOUR.plus(Duration.ofHours(5)));
                publisher.flush();
            }
            awaitAlerts(3);
            try (PipelineDrain drain = new PipelineDrain(KAFKA.bootstrapServers(), client)) {
                drain.awaitCaughtUp(APP, t -> t.equals(Topics.ARTICLES_RAW) || t.equals(Topics.MONITOR_CLOCK)
                        || t.endsWith("-repartition"), Duration.ofMinutes(2));
            }
        }

        List<Alert> events = alerts();
        String id = RuleEngine.alertId(RuleKind.THRESHOLD, "MD", HOUR);
        assertEquals(List.of(id, id, id), events.stream().map(Alert::alertId).toList(), events.toString());
        assertEquals(List.of(0, 1, 2), events.stream().map(Alert::update).toList());
        assertEquals(Alert.Status.RESOLVED, events.get(2).status());
        assertTrue(events.get(1).windowStart().equals(HOUR.plusSeconds(3600)), "the update is about the second hour");
    }

    private static ProcessorService start(MonitorConfig config, Path stateDir) throws InterruptedException {
        ProcessorService service = new ProcessorService(MonitorTopology.build(config, Tagger.defaults()),
                StreamsSettings.of(KAFKA.bootstrapServers(), APP, stateDir, new Properties()));
        service.start();
        service.awaitRunning(Duration.ofMinutes(1));
        return service;
    }

    private static void publish(Instant hour, int count, String prefix) {
        try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.bootstrapServers(), new Properties())) {
            for (int i = 0; i < count; i++) {
                String url = "https://news.example/" + prefix + i;
                Instant at = hour.plusSeconds(300L * i);
                publisher.publish(new Article(1, ArticleIdentity.idFor(url), url, "Example", "Moldova election",
                        "The Kremlin is accused of buying votes in Moldova's election.", "en", at, at));
            }
            publisher.flush();
        }
    }

    private static List<Alert> alerts() {
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        return TopicSnapshot.read(KAFKA.bootstrapServers(), new Properties(), Topics.ALERTS).stream()
                .map(r -> serde.deserialize(r.topic(), r.value())).toList();
    }

    private static void awaitAlerts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (alerts().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " alert events within a minute, got " + alerts().stream()
                        .map(a -> a.alertId().substring(0, 8) + " " + a.rule() + " " + a.windowStart() + " " + a.status()
                                + " u" + a.update()).toList());
            }
            Thread.sleep(100);
        }
    }
}
