package org.influencemonitor.processor.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;
import org.influencemonitor.processor.rules.SourceCoverage;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two feeds through the whole topology for three days, then the busier one falls silent for six hours
 * while a country incident is open: one {@code coverage} incident about that feed, the country's incident
 * held open through the outage, and the feed's return resolving the coverage incident under the same id.
 * The same input with {@code coverage.enabled: false} shows what the hold prevents.
 */
class CoverageTopologyTest {
    private static final Tagger TAGGER = Tagger.defaults();
    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final int WARM_HOURS = 72;
    private static final int SURGE_HOUR = 72;
    private static final int OUTAGE_FROM = 73;
    private static final int OUTAGE_TO = 79; // exclusive: the first hour the feed sends again
    private static final int END_HOUR = 90;

    @TempDir
    Path dir;

    private record Sent(Instant at, Article article) {
    }

    @Test
    void aSilentFeedOpensOneCoverageIncidentHoldsCountryIncidentsAndResolvesOnItsReturn() throws IOException {
        List<Alert> alerts = run(RulesConfig.defaults(), dir.resolve("on"));

        List<Alert> coverage = alerts.stream().filter(a -> a.rule().equals("coverage")).toList();
        assertEquals(2, coverage.size(), coverage.toString());
        Alert firing = coverage.get(0);
        assertEquals(Alert.Status.FIRING, firing.status());
        assertEquals(SourceCoverage.FEEDS, firing.country());
        assertTrue(firing.summary().contains("Wire A"), firing.summary());
        assertFalse(firing.summary().contains("Wire B"), firing.summary());
        assertEquals(hour(OUTAGE_FROM), firing.windowStart(), "seen in the outage's first window");
        Alert resolved = coverage.get(1);
        assertEquals(Alert.Status.RESOLVED, resolved.status());
        assertEquals(firing.alertId(), resolved.alertId());
        assertEquals(hour(OUTAGE_TO), resolved.windowStart(), "resolved by the feed's first window back");

        List<Alert> md = alerts.stream().filter(a -> a.country().equals("MD")).toList();
        assertTrue(md.stream().anyMatch(a -> a.status() == Alert.Status.FIRING && a.windowStart().equals(hour(SURGE_HOUR))),
                "the surge opens an MD incident before the outage: " + md);
        assertTrue(md.stream().noneMatch(a -> a.status() == Alert.Status.RESOLVED
                        && !a.windowStart().isBefore(hour(OUTAGE_FROM)) && a.windowStart().isBefore(hour(OUTAGE_TO))),
                "no MD incident resolves in the outage's windows: " + md);
        assertTrue(md.stream().anyMatch(a -> a.status() == Alert.Status.RESOLVED
                        && !a.windowStart().isBefore(hour(OUTAGE_TO))),
                "MD's incidents resolve once the feed is back: " + md);
    }

    @Test
    void hoppingWindowsWatchTheRulesSeriesAndGiveTheSameCoverageEvents() {
        MonitorConfig hopping = new MonitorConfig(Duration.ofHours(1), Duration.ofMinutes(15), MonitorConfig.DEFAULT_GRACE,
                MonitorConfig.DEFAULT_CLOCK_TICK, MonitorConfig.DEFAULT_FUTURE_TOLERANCE, MonitorConfig.DEFAULT_HISTORY,
                RulesConfig.defaults(), ElectionCalendar.empty(), null).withThreshold(10);
        List<Alert> coverage = run(hopping, dir.resolve("hopping")).stream().filter(a -> a.rule().equals("coverage")).toList();
        assertEquals(List.of(Alert.Status.FIRING, Alert.Status.RESOLVED), coverage.stream().map(Alert::status).toList(),
                coverage.toString());
        assertEquals(hour(OUTAGE_FROM), coverage.get(0).windowStart());
        assertEquals(hour(OUTAGE_TO), coverage.get(1).windowStart());
    }

    @Test
    void withoutTheCoverageWatchTheOutageResolvesTheCountryIncident() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "coverage:\n  enabled: false\n");
        List<Alert> alerts = run(RulesConfig.load(rules), dir.resolve("off"));

        assertTrue(alerts.stream().noneMatch(a -> a.rule().equals("coverage")), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.country().equals("MD") && a.status() == Alert.Status.RESOLVED
                        && !a.windowStart().isBefore(hour(OUTAGE_FROM)) && a.windowStart().isBefore(hour(OUTAGE_TO))),
                "the quiet windows of the outage resolve MD's incident when nothing holds it: " + alerts);
    }

    @Test
    void theCoverageStateIsInItsStoreAndNamesBothFeeds() throws IOException {
        MonitorConfig config = config(RulesConfig.defaults());
        try (TopologyTestDriver driver = new TopologyTestDriver(MonitorTopology.build(config, TAGGER),
                props(dir.resolve("store")), Instant.parse("2026-01-01T00:00:00Z"))) {
            feed(driver, 30);
            KeyValueStore<String, SourceCoverage.State> store = driver.getKeyValueStore(RuleEvaluator.COVERAGE_STORE);
            SourceCoverage.State state = store.get(RuleEvaluator.FEEDS_KEY);
            assertEquals(java.util.Set.of("Wire A", "Wire B"), state.sources().keySet());
            assertEquals(hour(29), state.sources().get("Wire A").lastArticles());
            assertFalse(state.gap(hour(30)));
        }
    }

    private List<Alert> run(RulesConfig rules, Path stateDir) {
        return run(config(rules), stateDir);
    }

    private List<Alert> run(MonitorConfig config, Path stateDir) {
        try (TopologyTestDriver driver = new TopologyTestDriver(MonitorTopology.build(config, TAGGER), props(stateDir),
                Instant.parse("2026-01-01T00:00:00Z"))) {
            TestOutputTopic<String, Alert> out = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    JsonSerde.of(Alert.class));
            feed(driver, END_HOUR);
            List<Alert> alerts = new ArrayList<>();
            out.readRecordsToList().forEach(r -> {
                alerts.add(r.value());
                if (r.value().rule().equals("coverage")) {
                    assertEquals(SourceCoverage.FEEDS, r.key(), "coverage events are keyed by ZZ");
                }
            });
            return alerts;
        }
    }

    private static MonitorConfig config(RulesConfig rules) {
        return MonitorConfig.defaults().withRules(rules, ElectionCalendar.empty()).withThreshold(10);
    }

    /** Both feeds for {@code hours} hours (Wire A silent in the outage), then a tick that closes the last. */
    private static void feed(TopologyTestDriver driver, int hours) {
        TestInputTopic<String, Article> raw = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(),
                JsonSerde.of(Article.class));
        TestInputTopic<String, ClockTick> clock = driver.createInputTopic(Topics.MONITOR_CLOCK, new StringSerializer(),
                JsonSerde.of(ClockTick.class));
        List<Sent> sent = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            boolean aSilent = h >= OUTAGE_FROM && h < OUTAGE_TO;
            for (int i = 0; i < 20 && !aSilent; i++) {
                String country = List.of("Germany", "France", "Poland").get(i % 3);
                // every fourth article is not about an election: the feed is alive all the same
                sent.add(new Sent(hour(h).plusSeconds(i * 170L + 7), i % 4 == 3
                        ? article("a-" + h + "-" + i, "Wire A", hour(h).plusSeconds(i * 170L + 7), "Weather",
                        "Sunny spells across " + country + " this weekend.")
                        : election("a-" + h + "-" + i, "Wire A", hour(h).plusSeconds(i * 170L + 7), country)));
            }
            for (int i = 0; i < 6; i++) {
                sent.add(new Sent(hour(h).plusSeconds(i * 550L + 13),
                        election("b-" + h + "-" + i, "Wire B", hour(h).plusSeconds(i * 550L + 13), i == 0 ? "Moldova" : "Romania")));
            }
            if (h == SURGE_HOUR) {
                for (int i = 0; i < 12; i++) {
                    sent.add(new Sent(hour(h).plusSeconds(i * 240L + 31),
                            election("s-" + i, "Wire B", hour(h).plusSeconds(i * 240L + 31), "Moldova")));
                }
            }
        }
        sent.sort(Comparator.comparing(Sent::at));
        for (Sent s : sent) {
            raw.pipeInput(s.article().id(), s.article(), s.at());
        }
        Instant end = hour(hours).plus(Duration.ofMinutes(30));
        clock.pipeInput("tick", new ClockTick(1, end), end);
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

    private static Properties props(Path stateDir) {
        return StreamsSettings.of("unused:9092", "coverage-test", stateDir, new Properties());
    }
}
