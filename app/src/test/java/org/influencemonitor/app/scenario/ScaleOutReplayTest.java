package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.influencemonitor.app.PipelineDrain;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.ingest.ArticleLineParser;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topic;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out correctness: the ten-day replay through an {@code articles.raw} of one partition, of six
 * partitions (read at different speeds by one processor), and of six partitions shared by two processor
 * instances gives the same final counts and the same alert events, and sends nothing to
 * {@code articles.late}. Each run has its own embedded broker; the replay ends as the demo's does, with a
 * clock tick once the processor has read every article.
 */
class ScaleOutReplayTest {
    private static final String APP_ID = "scale-out";
    private static final int COUNTING_PARTITIONS = 3;

    @TempDir
    Path dir;

    @Test
    void sixPartitionsAndTwoInstancesGiveTheCountsAndAlertsOfOnePartition() throws Exception {
        String file = String.join("\n", ArticleScenario.tenDays(DemoReplayTest.SEED).lines()) + "\n";
        Result one = replay(file, 1, 1, dir.resolve("one"));
        // Six partitions read by one instance is the case two instances share; each replay takes half a minute
        // or more on 2 cores, so it runs on its own only with -Dmonitor.replay.full=true.
        Result six = Boolean.getBoolean("monitor.replay.full") ? replay(file, 6, 1, dir.resolve("six")) : null;
        Result twoInstances = replay(file, 6, 2, dir.resolve("two-instances"));

        assertFalse(one.alerts().isEmpty(), "the replay raises alerts");
        assertEquals(List.of(), one.late(), "nothing late through one partition");
        assertEquals(List.of(), twoInstances.late(), "nothing late with two instances");
        if (six != null) {
            assertEquals(List.of(), six.late(), "nothing late through six partitions");
            assertEquals(String.join("\n", one.windows()), String.join("\n", six.windows()), "final counts, 6 partitions");
            assertEquals(String.join("\n", one.alerts()), String.join("\n", six.alerts()), "alerts, 6 partitions");
        }
        assertEquals(String.join("\n", one.windows()), String.join("\n", twoInstances.windows()),
                "final counts, 2 instances");
        assertEquals(String.join("\n", one.alerts()), String.join("\n", twoInstances.alerts()), "alerts, 2 instances");
    }

    /** Sorted descriptions of every alert event and final window, and the late articles' ids. */
    record Result(List<String> alerts, List<String> windows, List<String> late) {
    }

    private static Result replay(String file, int sourcePartitions, int instances, Path runDir) throws Exception {
        MonitorConfig config = MonitorConfig.defaults().withRepartitionPartitions(COUNTING_PARTITIONS)
                .withSourcePartitions(sourcePartitions);
        Properties client = new Properties();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            String bootstrap = broker.bootstrapServers();
            TopicSetup.ensureTopics(bootstrap, client, sourcePartitions, COUNTING_PARTITIONS);
            List<ProcessorService> processors = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    ProcessorService processor = new ProcessorService(MonitorTopology.build(config, Tagger.defaults()),
                            StreamsSettings.of(bootstrap, APP_ID, Files.createDirectories(runDir.resolve("state-" + i)),
                                    client));
                    processors.add(processor);
                    processor.start();
                }
                for (ProcessorService processor : processors) {
                    processor.awaitRunning(Duration.ofMinutes(2));
                }
                try (ArticlePublisher publisher = new ArticlePublisher(bootstrap, client);
                     PipelineDrain drain = new PipelineDrain(bootstrap, client)) {
                    FileIngest.Summary summary = new FileIngest(new ArticleLineParser(Clock.systemUTC()), publisher)
                            .ingest(new StringReader(file), "ten-day scenario");
                    publisher.flush();
                    drain.awaitCaughtUp(APP_ID, Topics.ARTICLES_RAW::equals, Duration.ofMinutes(5));
                    publisher.advanceClock(config.windows().allClosedAfter(summary.latestPublishedAt()));
                    publisher.flush();
                    drain.awaitCaughtUp(APP_ID, topic -> topic.equals(Topics.ARTICLES_RAW)
                            || topic.equals(Topics.MONITOR_CLOCK) || topic.endsWith("-repartition"), Duration.ofMinutes(5));
                }
            } finally {
                processors.forEach(ProcessorService::close);
            }
            List<String> alerts = read(bootstrap, EventTopics.ALERTS).stream().map(GoldenReplayTest::describe)
                    .sorted().toList();
            List<String> windows = read(bootstrap, EventTopics.MENTIONS_BY_COUNTRY).stream()
                    .filter(m -> m.isFinal()).map(GoldenReplayTest::describe).sorted().toList();
            List<String> late = read(bootstrap, EventTopics.ARTICLES_LATE).stream().map(l -> l.id() + " " + l.country() + " " + l.publishedAt() + " " + l.windowStart() + " " + l.streamTime())
                    .sorted().toList();
            return new Result(alerts, windows, late);
        }
    }

    private static <V> List<V> read(String bootstrap, Topic<String, V> topic) {
        return TopicSnapshot.read(bootstrap, new Properties(), topic.name()).stream()
                .map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value())).toList();
    }
}
