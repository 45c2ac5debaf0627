package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surge replays through the topology, compared line by line with what the processor produced before
 * the counting core was reworked (issue 7): every alert event (id, update, status, rule, country, window,
 * counts, severity, evidence) and every final window count. The files under {@code golden/} were written
 * by the earlier counter; a change that alters them changes behaviour, and must say so by rewriting them
 * ({@code -Dgolden.write=DIR}, e.g. {@code app/src/test/resources/golden}) in a commit of its own.
 *
 * <p>Articles arrive a second apart in wall-clock time, as a live feed would deliver them.
 */
class GoldenReplayTest {
    private static final Duration WALL_CLOCK_STEP = Duration.ofSeconds(1);

    @TempDir
    Path stateDir;

    @Test
    void theThreeWeekReplayGivesTheAlertsAndCountsItGaveBefore() throws IOException {
        compare("three-weeks", ArticleScenario.threeWeeks(SurgeReplayTest.SEED));
    }

    @Test
    void theTenDayReplayGivesTheAlertsAndCountsItGaveBefore() throws IOException {
        compare("ten-days", ArticleScenario.tenDays(DemoReplayTest.SEED));
    }

    private void compare(String name, ArticleScenario.Scenario scenario) throws IOException {
        List<String> actual = replay(scenario);
        String write = System.getProperty("golden.write");
        if (write != null) {
            Files.write(Path.of(write).resolve(name + ".txt"), actual, StandardCharsets.UTF_8);
        }
        List<String> expected;
        try (InputStream in = GoldenReplayTest.class.getResourceAsStream("/golden/" + name + ".txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), name + " differs from golden/" + name + ".txt");
    }

    private List<String> replay(ArticleScenario.Scenario scenario) {
        MonitorConfig config = MonitorConfig.defaults();
        Properties props = StreamsSettings.of("unused:9092", "golden", stateDir, new Properties());
        ArticleLineParser parser = new ArticleLineParser(Clock.systemUTC());
        List<String> out = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(MonitorTopology.build(config, Tagger.defaults()), props,
                Instant.parse("2026-12-01T00:00:00Z"))) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(),
                    JsonSerde.of(Article.class));
            TestInputTopic<String, ClockTick> clock = driver.createInputTopic(Topics.MONITOR_CLOCK,
                    new StringSerializer(), JsonSerde.of(ClockTick.class));
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    JsonSerde.of(Alert.class));
            TestOutputTopic<String, MentionWindow> mentions = driver.createOutputTopic(Topics.MENTIONS_BY_COUNTRY,
                    new StringDeserializer(), JsonSerde.of(MentionWindow.class));
            Instant last = null;
            for (String text : scenario.lines()) {
                Article article = parser.parse(text).article();
                raw.pipeInput(article.id(), article, article.publishedAt());
                driver.advanceWallClockTime(WALL_CLOCK_STEP);
                last = article.publishedAt();
            }
            long size = config.windowSize().toMillis();
            Instant end = Instant.ofEpochMilli(Math.floorDiv(last.toEpochMilli(), size) * size)
                    .plus(config.windowSize()).plus(config.grace());
            clock.pipeInput("clock", new ClockTick(1, end), end);
            driver.advanceWallClockTime(WALL_CLOCK_STEP);
            alerts.readValuesToList().forEach(a -> out.add(describe(a)));
            mentions.readValuesToList().stream().filter(MentionWindow::isFinal).forEach(m -> out.add(describe(m)));
        }
        return out;
    }

    static String describe(Alert a) {
        return String.join(" ", "alert", a.alertId(), String.valueOf(a.update()), a.status().wireName(), a.rule(),
                a.country(), a.windowStart().toString(), "articles=" + a.articles(), "threshold=" + a.threshold(),
                a.severity().wireName(), "score=" + a.score(), "expected=" + a.expected(),
                "evidence=" + a.evidence().stream().map(Alert.Evidence::id).collect(Collectors.joining(",")),
                "actors=" + a.topActors(), "terms=" + a.topTerms(), "summary=" + a.summary());
    }

    static String describe(MentionWindow m) {
        return String.join(" ", "window", m.country(), m.windowStart().toString(), "articles=" + m.articles(),
                "mentions=" + m.mentions(), "fraud=" + m.fraudClaimArticles(),
                "state_linked_fraud=" + m.stateLinkedFraudArticles(), "actors=" + m.actors(), "terms=" + m.topTerms());
    }
}
