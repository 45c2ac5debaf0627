package org.influencemonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each baseline rule through the whole topology with its built-in defaults: weeks of steady coverage,
 * then the change the rule exists for. Before the change nothing may fire (cold start included); at the
 * change, the rule fires in the window where it happens.
 */
class RuleScenariosTest {
    private static final Instant DAY0 = Instant.parse("2024-09-01T00:00:00Z");
    private static final Tagger TAGGER = Tagger.defaults();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestInputTopic<String, ClockTick> clock;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, MentionWindow> mentions;
    private int next;

    @BeforeEach
    void start() {
        Properties props = StreamsSettings.of("unused:9092", "rule-scenarios", stateDir, new Properties());
        // The background's one feed stops hours before each change, which the coverage watch rightly reports
        // as an outage (CoverageTopologyTest is about that); these scenarios are about the country rules.
        Path rules = stateDir.resolve("no-coverage.yaml");
        try {
            java.nio.file.Files.writeString(rules, "coverage: {enabled: false}\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MonitorConfig config = MonitorConfig.defaults().withRules(RulesConfig.load(rules), ElectionCalendar.defaults());
        driver = new TopologyTestDriver(MonitorTopology.build(config, TAGGER), props,
                Instant.parse("2026-01-01T00:00:00Z"));
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(), JsonSerde.of(Article.class));
        clock = driver.createInputTopic(Topics.MONITOR_CLOCK, new StringSerializer(), JsonSerde.of(ClockTick.class));
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), JsonSerde.of(Alert.class));
        mentions = driver.createOutputTopic(Topics.MENTIONS_BY_COUNTRY, new StringDeserializer(), JsonSerde.of(MentionWindow.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void publish(Instant at, String url, String title, String text) {
        String id = "a" + (next++);
        raw.pipeInput(id, new Article(1, id, url, "Outlet", title, text, "en", at, at), at);
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // a feed's pace: see MonitorTopologyTest.publish
    }

    /** Two routine election stories about Moldova and two about Romania every hour, for {@code days} days. */
    private void background(int days) {
        for (int hour = 0; hour < days * 24; hour++) {
            Instant h = DAY0.plus(Duration.ofHours(hour));
            publish(h.plusSeconds(300), "https://news.example/" + next, "Moldova election campaign",
                    "Candidates in Moldova court voters before the election.");
            publish(h.plusSeconds(900), "https://news.example/" + next, "Moldova vote",
                    "The electoral commission of Moldova prepares the ballot.");
            publish(h.plusSeconds(1500), "https://news.example/" + next, "Romania election campaign",
                    "Candidates in Romania court voters before the election.");
            publish(h.plusSeconds(2100), "https://news.example/" + next, "Romania vote",
                    "The electoral commission of Romania prepares the ballot.");
        }
    }

    private List<Alert> firingAfter(Instant surge) {
        clock.pipeInput("c", new ClockTick(1, surge.plus(Duration.ofHours(2))), surge.plus(Duration.ofHours(2)));
        List<Alert> all = alerts.readValuesToList();
        assertEquals(List.of(), all.stream().filter(a -> a.windowStart().isBefore(surge)).toList(),
                "nothing fires before the change, cold start included");
        return all.stream().filter(a -> a.status() == Alert.Status.FIRING).toList();
    }

    @Test
    void spikeFiresWhenACountrysCoverageJumpsAgainstItsOwnHourOfDayBaseline() {
        background(3);
        Instant surge = DAY0.plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
        for (int i = 0; i < 14; i++) {
            publish(surge.plusSeconds(120L * i), "https://news.example/s" + i, "Moldova election turmoil",
                    "Protests in Moldova over the election as voters gather.");
        }
        List<Alert> fired = firingAfter(surge);
        assertTrue(fired.stream().anyMatch(a -> a.rule().equals("spike") && a.country().equals("MD")
                && a.windowStart().equals(surge) && a.expected() != null && a.expected() < 4), fired.toString());
        assertTrue(fired.stream().noneMatch(a -> a.country().equals("RO")), "Romania stayed steady: " + fired);
    }

    @Test
    void narrativeFiresWhenStateLinkedFraudClaimsAboutACountrySurge() {
        background(3);
        Instant surge = DAY0.plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
        for (int i = 0; i < 6; i++) {
            publish(surge.plusSeconds(300L * i), "https://www.rt.com/news/" + i + "-moldova-vote/",
                    "Moldova's election will be rigged, experts say",
                    "Observers warn the Moldova election will be rigged and stolen from voters.");
        }
        List<Alert> fired = firingAfter(surge);
        Alert narrative = fired.stream().filter(a -> a.rule().equals("narrative") && a.country().equals("MD"))
                .findFirst().orElseThrow(() -> new AssertionError("no narrative alert: " + fired));
        assertEquals(Alert.Severity.CRITICAL, narrative.severity());
        assertEquals(surge, narrative.windowStart());
        assertTrue(narrative.topActors().stream().anyMatch(a -> a.id().equals("rt")), narrative.topActors().toString());
    }

    @Test
    void newActorFiresWhenAStateLinkedActorAppearsWithACountryForTheFirstTimeAfterAFullLookBack() {
        background(31);
        Instant first = DAY0.plus(Duration.ofDays(31)).plus(Duration.ofHours(9));
        publish(first.plusSeconds(60), "https://news.example/w1", "Wagner recruiters seen in Moldova",
                "Wagner recruiters approached voters in Moldova before the election.");
        publish(first.plusSeconds(600), "https://news.example/w2", "Moldova probes Wagner links",
                "Moldova's electoral commission says Wagner tried to influence the vote.");
        List<Alert> fired = firingAfter(first);
        assertTrue(fired.stream().anyMatch(a -> a.rule().equals("new_actor") && a.country().equals("MD")
                && a.topActors().stream().anyMatch(x -> x.id().equals("wagner"))), fired.toString());
    }

    @Test
    void anArticleOutOfOrderWithinGraceIsCountedAndOneAtTheWindowsEndBelongsToTheNext() {
        Instant hour = DAY0;
        publish(hour.plusSeconds(3000), "https://news.example/x1", "Moldova vote", "Moldova votes in the election.");
        publish(hour.plusSeconds(3700), "https://news.example/x2", "Moldova vote", "Moldova votes in the election.");
        publish(hour.plusSeconds(1200), "https://news.example/x3", "Moldova vote", "Moldova votes in the election.");
        publish(hour.plusSeconds(3600), "https://news.example/x4", "Moldova vote", "Moldova votes in the election.");
        clock.pipeInput("c", new ClockTick(1, hour.plus(Duration.ofHours(3))), hour.plus(Duration.ofHours(3)));
        List<MentionWindow> closed = mentions.readValuesToList().stream().filter(MentionWindow::isFinal).toList();
        assertEquals(List.of(hour, hour.plusSeconds(3600)), closed.stream().map(MentionWindow::windowStart).toList());
        assertEquals(List.of(2, 2), closed.stream().map(MentionWindow::articles).toList(),
                "x3 came 41 minutes out of order, within its window; x4 at 01:00:00 opens the next window");
    }
}
