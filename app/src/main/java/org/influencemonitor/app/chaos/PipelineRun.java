package org.influencemonitor.app.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.influencemonitor.app.PipelineDrain;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Topics;

/**
 * One run of the real pipeline on a broker of its own: {@code monitor broker}, {@code monitor processor}
 * and {@code monitor ingest file -} as child processes of this jar, the replay written to ingest's
 * standard input at a steady pace, then the clock tick that closes the last windows, then the wait until
 * the processor has read everything. A {@link FaultPlan} acts on the processes at chosen lines of the
 * replay; the reference run has none.
 */
final class PipelineRun implements AutoCloseable {
    static final String APPLICATION_ID = "chaos";
    static final int PARTITIONS = 3;
    private static final Duration PROCESSOR_START = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final int BATCHES_PER_SECOND = 20;

    private final Path dir;
    private final Replay replay;
    private final Duration pace;
    private final ChildBroker broker;
    private final Path clientConfig;
    private final List<ChildProcess> processors = new ArrayList<>();
    private int processorStarts;

    private PipelineRun(Path dir, Replay replay, Duration pace, ChildBroker broker, Path clientConfig) {
        this.dir = dir;
        this.replay = replay;
        this.pace = pace;
        this.broker = broker;
        this.clientConfig = clientConfig;
    }

    /** Starts a fresh broker in {@code dir} and creates the monitor's topics on it. */
    static PipelineRun start(Path dir, Replay replay, Duration pace) throws IOException {
        Files.createDirectories(dir);
        // A processor killed with SIGKILL never says goodbye: its group waits a session timeout before it
        // hands the partitions on. The broker's minimum (6 s) keeps a restart from waiting the default 45 s.
        Path config = Files.writeString(dir.resolve("processor.properties"),
                "session.timeout.ms=6000\nheartbeat.interval.ms=1000\n");
        ChildBroker broker = ChildBroker.start(dir);
        TopicSetup.ensureTopics(broker.bootstrapServers(), new Properties(), PARTITIONS, PARTITIONS);
        return new PipelineRun(dir, replay, pace, broker, config);
    }

    ChildBroker broker() {
        return broker;
    }

    Replay replay() {
        return replay;
    }

    /** Starts one more processor instance (same application id, a state directory of its own) and waits until it runs. */
    ChildProcess startProcessor(int instance) {
        processorStarts++;
        ChildProcess p = ChildProcess.start("processor-" + instance, List.of("processor",
                "--bootstrap-servers", broker.bootstrapServers(), "--kafka-config", clientConfig.toString(),
                "--application-id", APPLICATION_ID, "--state-dir", dir.resolve("state-" + instance).toString(),
                "--partitions", String.valueOf(PARTITIONS), "--http-port", "0"),
                dir.resolve("processor-" + instance + "." + processorStarts + ".log"), false);
        p.awaitOutput("Processor running as", PROCESSOR_START);
        while (processors.size() <= instance) {
            processors.add(null);
        }
        processors.set(instance, p);
        return p;
    }

    /** SIGTERM to processor {@code instance}: it leaves the group, and its partitions move to the others. */
    void stopProcessor(int instance) {
        processors.get(instance).terminate(Duration.ofSeconds(30));
        processors.set(instance, null);
    }

    /** SIGKILL to processor {@code instance}, and a new process in its place with the same state directory. */
    void killAndRestartProcessor(int instance) {
        processors.get(instance).kill();
        startProcessor(instance);
    }

    /**
     * Feeds the replay through {@code monitor ingest file -}, calling {@code plan} before each line, and
     * returns ingest's summary line once it has exited.
     */
    String ingest(FaultPlan plan) throws IOException {
        ChildProcess ingest = ChildProcess.start("ingest", List.of("ingest", "file", "-", "--bootstrap-servers",
                broker.bootstrapServers(), "--progress", "off"), dir.resolve("ingest.log"), true);
        int batch = Math.max(1, (int) (replay.size() / Math.max(1.0, pace.toMillis() / 1000.0 * BATCHES_PER_SECOND)));
        long sleepMs = 1000 / BATCHES_PER_SECOND;
        try (OutputStream stdin = ingest.stdin()) {
            for (int i = 0; i < replay.size(); i++) {
                plan.beforeLine(i, this);
                stdin.write((replay.lines().get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                if ((i + 1) % batch == 0) {
                    stdin.flush();
                    Pause.millis(sleepMs);
                }
            }
        }
        int exit = ingest.awaitExit(Duration.ofMinutes(5));
        String summary = ingest.output().lines().filter(l -> l.startsWith("Ingested stdin")).findFirst()
                .orElse("no summary");
        if (exit != 0) {
            throw new ChaosFailure("ingest exited with code " + exit + ": " + ingest.lastLine());
        }
        return summary;
    }

    /** Sends the tick that closes every window once the processor has read every article, and waits until it has read everything. */
    void closeWindows() throws InterruptedException {
        awaitDrained(t -> t.equals(Topics.ARTICLES_RAW));
        try (ArticlePublisher publisher = new ArticlePublisher(broker.bootstrapServers(), new Properties())) {
            publisher.advanceClock(replay.clockAt());
            publisher.flush();
        }
        awaitDrained(t -> t.equals(Topics.ARTICLES_RAW) || t.equals(Topics.MONITOR_CLOCK) || t.endsWith("-repartition"));
    }

    /** Waits until the processor's group has committed everything in the topics {@code inputs} accepts; rides out a broker outage. */
    void awaitDrained(Predicate<String> inputs) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (true) {
            try (PipelineDrain drain = new PipelineDrain(broker.bootstrapServers(), new Properties())) {
                drain.awaitCaughtUp(APPLICATION_ID, inputs, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                return;
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new ChaosFailure("the processor did not catch up within " + DRAIN_TIMEOUT.toMinutes() + " min: "
                            + e.getMessage());
                }
                Pause.millis(500);
            }
        }
    }

    /** Records of {@code articles.raw} the processor's group has committed, over every partition. */
    long committedArticles() {
        try (PipelineDrain drain = new PipelineDrain(broker.bootstrapServers(), new Properties())) {
            Map<TopicPartition, Long> lag = drain.lag(APPLICATION_ID, Topics.ARTICLES_RAW::equals);
            long end = TopicSnapshot.read(broker.bootstrapServers(), new Properties(), Topics.ARTICLES_RAW).size();
            return end - lag.values().stream().mapToLong(Long::longValue).sum();
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChaosFailure("interrupted");
        }
    }

    /** Alert events committed to {@code alerts} so far. */
    int alertsSoFar() {
        return TopicSnapshot.read(broker.bootstrapServers(), new Properties(), Topics.ALERTS).size();
    }

    /** Every processor still running, checked at the end: a fault must not leave a component dead. */
    List<String> deadProcessors() {
        return processors.stream().filter(p -> p != null && !p.isAlive()).map(ChildProcess::name).toList();
    }

    RunOutput output() {
        return RunOutput.read(broker.bootstrapServers());
    }

    @Override
    public void close() {
        processors.stream().filter(p -> p != null).forEach(ChildProcess::close);
        broker.close();
    }
}
