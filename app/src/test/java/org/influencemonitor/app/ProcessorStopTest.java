package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.influencemonitor.ingest.ArticleIdentity;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor processor} as its own process, stopped as an orchestrator stops it: SIGTERM closes Kafka
 * Streams cleanly (exit code 0, the transaction committed with the stores' offsets, the group left, so that
 * the next start neither waits for a session timeout nor rebuilds its counting store), and a second SIGTERM
 * while it closes exits at once with 130. (Kafka Streams 4.4's RocksDB stores keep their changelog offsets
 * inside the store, so there is no {@code .checkpoint} file to look for.)
 */
class ProcessorStopTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @TempDir
    Path dir;

    @Test
    void sigtermClosesKafkaStreamsCleanlyAndASecondOneForcesTheExit() throws Exception {
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1);
        Path state = dir.resolve("state");
        Path log = dir.resolve("first.log");

        Process first = start(state, log);
        awaitLine(first, log, "Processor running");
        publish(3, "a");
        awaitEnriched(3);
        first.destroy(); // SIGTERM
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the processor");
        String out = Files.readString(log);
        assertEquals(0, first.exitValue(), out);
        assertTrue(out.contains("Kafka Streams closed cleanly"), "closed within its timeout: " + out);
        assertTrue(out.contains("Processor stopped."), out);
        // Left the group: without that the next start waits for the old member's session to time out.
        assertEquals(GroupState.EMPTY, groupState());

        Path again = dir.resolve("second.log");
        Process second = start(state, again);
        awaitLine(second, again, "Processor running");
        String restart = Files.readString(again);
        Matcher restored = Pattern.compile("Restoring store country-windows from \\S+: offsets (\\d+) to").matcher(restart);
        assertTrue(!restored.find() || Long.parseLong(restored.group(1)) > 0,
                "the counting store was committed at the stop and resumes from its offset, not rebuilt: " + restart);
        publish(2, "b");
        awaitEnriched(5);
        signal(second, "TERM");
        // Signals of one kind do not queue: the second counts only once the first has been handled. The close
        // that follows (commit, stores, leaving the group) takes far longer than this wait.
        awaitLine(second, again, "SIGTERM: stopping", 5);
        signal(second, "TERM");
        assertTrue(second.waitFor(30, TimeUnit.SECONDS), "a second SIGTERM exits at once");
        assertEquals(StopSignals.FORCED_EXIT, second.exitValue(), Files.readString(again));
        assertTrue(Files.readString(again).contains("monitor: second SIGTERM: exiting now"), Files.readString(again));
    }

    private static GroupState groupState() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of("stop-test")).all().get(30, TimeUnit.SECONDS)
                    .get("stop-test");
            return d.groupState();
        }
    }

    private Process start(Path state, Path log) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Monitor.class.getName(), "processor", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--application-id", "stop-test", "--state-dir", state.toString(), "--http-port", "0"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void signal(Process process, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
    }

    private static void awaitLine(Process process, Path log, String line) throws Exception {
        awaitLine(process, log, line, 100);
    }

    private static void awaitLine(Process process, Path log, String line, long pollMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(log) || !Files.readString(log).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("no \"" + line + "\" from the processor: " + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(pollMs);
        }
    }

    private static void publish(int count, String prefix) {
        Instant at = Instant.now().minusSeconds(60);
        try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.bootstrapServers(), new Properties())) {
            for (int i = 0; i < count; i++) {
                String url = "https://news.example/stop/" + prefix + i;
                publisher.publish(new Article(1, ArticleIdentity.idFor(url), url, "Example", "Moldova election",
                        "The Kremlin is accused of buying votes in Moldova's election.", "en", at, at));
            }
            publisher.flush();
        }
    }

    private static void awaitEnriched(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (TopicSnapshot.read(KAFKA.bootstrapServers(), new Properties(), Topics.ARTICLES_ENRICHED).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " enriched articles within a minute");
            }
            Thread.sleep(200);
        }
    }


}
