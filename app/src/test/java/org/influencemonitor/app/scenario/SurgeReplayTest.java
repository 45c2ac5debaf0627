package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.influencemonitor.app.LocalPipeline;
import org.influencemonitor.app.PipelineDrain;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.LateArticle;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-week, twelve-country replay ({@link ArticleScenario#threeWeeks}) through the real topology with
 * the built-in defaults ({@code MonitorConfig.defaults()}, {@code Tagger.defaults()}), from a cold start.
 *
 * <p>It runs on the same {@link LocalPipeline} that {@code ./monitor demo} runs (ingest with
 * {@code ArticleLineParser}, the processor topology, the file sink) on an embedded broker: the app module
 * has no {@code kafka-streams-test-utils} on its test classpath, so {@code TopologyTestDriver} is not
 * available here. Each run gets its own broker and a fresh state directory.
 *
 * <p>Two ways to end the replay:
 * <ul>
 *   <li>{@link #theDefaultsCatchEverySurgeWithoutFalseIncidentsAndAReplayRepeatsTheIds}: the closing
 *       {@code monitor.clock} tick is published only once the processor has consumed every article, so
 *       every article is counted in its window and the figures measure the rules;</li>
 *   <li>{@link #theDemosOwnReplayCountsEveryArticleInItsWindow}: {@link LocalPipeline#replay}, exactly as
 *       {@code demo} ends a replay (the tick right after the last article).</li>
 * </ul>
 */
class SurgeReplayTest {
    static final long SEED = 20260803L;
    /**
     * Each replay of the three weeks takes one to three minutes on 2 cores, so the normal run does one: the
     * second run (same ids) and the demo's own ending need {@code -Dmonitor.replay.full=true}. The ids of a
     * replay are also pinned, in every run, by {@code GoldenReplayTest}, and the demo's ending by
     * {@code DemoReplayTest} on the ten days.
     */
    private static final boolean FULL = Boolean.getBoolean("monitor.replay.full");
    private static final String APP_ID = "surge-replay";

    @TempDir
    Path dir;

    @Test
    void theDefaultsCatchEverySurgeWithoutFalseIncidentsAndAReplayRepeatsTheIds() throws Exception {
        ArticleScenario.Scenario scenario = ArticleScenario.threeWeeks(SEED);
        String file = String.join("\n", scenario.lines()) + "\n";

        long t0 = System.nanoTime();
        Run first = replay(file, dir.resolve("run1"), true);
        long t1 = System.nanoTime();
        Run second = FULL ? replay(file, dir.resolve("run2"), true) : null;
        long t2 = System.nanoTime();

        SurgeFigures figures = new SurgeFigures(scenario, first.alerts());
        String report = figures.report("surge replay (clock tick after the articles)") + first.describe()
                + String.format("  runtime            run 1 %.1f s, run 2 %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.print(report);

        int n = scenario.items().size();
        assertEquals(n, first.counts().ingest().published(), "every line published");
        assertEquals(0, first.counts().deadLetters(), "no dead letters");
        assertEquals(Map.of(), first.late(), "no article counted late:\n" + report);
        assertEquals(List.of(), figures.incidentsWithoutOpening, "every incident opens with a firing update 0");
        assertEquals(List.of(), figures.missed(), "every surge opens an incident within two windows:\n" + report);
        assertEquals(List.of(), figures.falseIncidents, "no incident without a surge:\n" + report);
        if (second != null) {
            assertEquals(figures.alertIds(), new SurgeFigures(scenario, second.alerts()).alertIds(),
                    "a second run of the same file gives the same alert ids (and updates)");
        }
    }

    @Test
    void theDemosOwnReplayCountsEveryArticleInItsWindow() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FULL, "the demo's ending on three weeks runs with -Dmonitor.replay.full=true");
        ArticleScenario.Scenario scenario = ArticleScenario.threeWeeks(SEED);
        String file = String.join("\n", scenario.lines()) + "\n";

        long t0 = System.nanoTime();
        Run run = replay(file, dir.resolve("demo-path"), false);
        long t1 = System.nanoTime();

        SurgeFigures figures = new SurgeFigures(scenario, run.alerts());
        String report = figures.report("surge replay (LocalPipeline.replay, as demo)") + run.describe()
                + String.format("  runtime            %.1f s%n", (t1 - t0) / 1e9);
        System.out.print(report);

        assertEquals(Map.of(), run.late(), "no article counted late:\n" + report);
        assertEquals(List.of(), figures.missed(), "every surge opens an incident within two windows:\n" + report);
        assertEquals(List.of(), figures.falseIncidents, "no incident without a surge:\n" + report);
    }

    /** What one replay left behind: the alerts file, the pipeline's counts, late articles by country. */
    record Run(List<Alert> alerts, LocalPipeline.Counts counts, Map<String, Integer> late) {
        String describe() {
            return String.format("  pipeline           %s; %d enriched, %d relevant, %d dead letters, %d alerts%n"
                            + "  late articles      %d %s%n",
                    counts.ingest(), counts.enriched(), counts.relevant(), counts.deadLetters(), counts.alerts(),
                    late.values().stream().mapToInt(Integer::intValue).sum(), late);
        }
    }

    /**
     * One replay on a fresh broker and state directory. With {@code tickAfterDrain} the articles are
     * published, the processor is awaited until it has consumed them all, and only then does the clock
     * move past the last window; otherwise {@link LocalPipeline#replay} does it all, as the demo does.
     */
    private static Run replay(String file, Path runDir, boolean tickAfterDrain) throws Exception {
        MonitorConfig config = MonitorConfig.defaults();
        Path stateDir = Files.createDirectories(runDir.resolve("state"));
        Path alertsFile = runDir.resolve("alerts.jsonl");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
             LocalPipeline pipeline = new LocalPipeline(broker.bootstrapServers(), new Properties(), config,
                     Tagger.defaults(), APP_ID, stateDir, alertsFile, alert -> { })) {
            String bootstrap = broker.bootstrapServers();
            pipeline.start();
            FileIngest.Summary ingested;
            if (tickAfterDrain) {
                try (ArticlePublisher publisher = new ArticlePublisher(bootstrap, new Properties())) {
                    ingested = new FileIngest(new ArticleLineParser(Clock.systemUTC()), publisher)
                            .ingest(new StringReader(file), "three-week scenario");
                    publisher.flush();
                    try (PipelineDrain drain = new PipelineDrain(bootstrap, new Properties())) {
                        drain.awaitCaughtUp(APP_ID, topic -> topic.equals(Topics.ARTICLES_RAW)
                                || topic.endsWith("-repartition"), Duration.ofMinutes(5));
                    }
                    long size = config.windowSize().toMillis();
                    Instant lastWindow = Instant.ofEpochMilli(
                            Math.floorDiv(ingested.latestPublishedAt().toEpochMilli(), size) * size);
                    publisher.advanceClock(lastWindow.plus(config.windowSize()).plus(config.grace()));
                    publisher.flush();
                }
            } else {
                ingested = pipeline.replay(new StringReader(file), "three-week scenario");
            }
            pipeline.awaitProcessed();
            LocalPipeline.Counts counts = pipeline.counts(ingested);
            // The sink writes the file before it commits its offsets, so once it has caught up the file is complete.
            JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
            List<Alert> alerts = Files.exists(alertsFile) ? Files.readAllLines(alertsFile).stream()
                    .map(l -> serde.deserialize(Topics.ALERTS, l.getBytes(StandardCharsets.UTF_8))).toList() : List.of();
            assertEquals(counts.alerts(), alerts.size(), "alerts delivered and written");
            JsonSerde<LateArticle> lateSerde = JsonSerde.of(LateArticle.class);
            Map<String, Integer> late = new TreeMap<>();
            TopicSnapshot.read(bootstrap, new Properties(), Topics.ARTICLES_LATE).forEach(r ->
                    late.merge(lateSerde.deserialize(r.topic(), r.value()).country(), 1, Integer::sum));
            return new Run(alerts, counts, late);
        }
    }
}
