package org.influencemonitor.app.scenario;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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

/**
 * A scenario's replay file through the whole topology with the built-in defaults, in a
 * {@code TopologyTestDriver}: every line parsed as ingest parses it, articles a second apart in wall-clock
 * time as a live feed delivers them, then one clock tick past the last window so that every window closes.
 */
final class TopologyReplay {
    private static final Duration WALL_CLOCK_STEP = Duration.ofSeconds(1);

    /** What came out: every alert event and every window update, in order. */
    record Output(List<Alert> alerts, List<MentionWindow> windows) {
    }

    private TopologyReplay() {
    }

    static Output run(ArticleScenario.Scenario scenario, String applicationId, Path stateDir) {
        MonitorConfig config = MonitorConfig.defaults();
        Properties props = StreamsSettings.of("unused:9092", applicationId, stateDir, new Properties());
        ArticleLineParser parser = new ArticleLineParser(Clock.systemUTC());
        List<Alert> alertsOut = new ArrayList<>();
        List<MentionWindow> windowsOut = new ArrayList<>();
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
                // drained as they come, so that the driver's output queues stay small on long replays
                alertsOut.addAll(alerts.readValuesToList());
                windowsOut.addAll(mentions.readValuesToList());
            }
            long size = config.windowSize().toMillis();
            Instant end = Instant.ofEpochMilli(Math.floorDiv(last.toEpochMilli(), size) * size)
                    .plus(config.windowSize()).plus(config.grace());
            clock.pipeInput("clock", new ClockTick(1, end), end);
            driver.advanceWallClockTime(WALL_CLOCK_STEP);
            alertsOut.addAll(alerts.readValuesToList());
            windowsOut.addAll(mentions.readValuesToList());
        }
        return new Output(List.copyOf(alertsOut), List.copyOf(windowsOut));
    }
}
