package org.influencemonitor.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.influencemonitor.app.PipelineDrain;
import org.influencemonitor.model.Topics;

/**
 * One throughput measurement: empty topics, the backlog loaded into {@code articles.raw} while nothing
 * reads it, then the job started and timed by its output, from the first to the last record a
 * {@code read_committed} consumer receives. For the processor with exactly-once it also waits until its
 * consumer group has no lag left on {@code articles.raw} and the by-country repartition topic, i.e. until
 * every article was also counted (with at-least-once, offsets are committed only every 30 s, so lag would
 * measure the commit interval, not the work).
 */
final class ThroughputRun {
    private final BenchCluster cluster;
    private final Path workDir;
    private final Path kafkaConfig;
    private int runs;

    ThroughputRun(BenchCluster cluster, Path workDir, Path kafkaConfig) {
        this.cluster = cluster;
        this.workDir = workDir;
        this.kafkaConfig = kafkaConfig;
    }

    record Result(BacklogLoader.Load load, BenchRow row) {
    }

    Result run(ArticleSource backlog, StreamsJob job, String key, String label, Duration timeout) {
        cluster.freshTopics();
        BacklogLoader.Load load = BacklogLoader.load(cluster.bootstrapServers(), cluster.clientProperties(), backlog);
        String applicationId = BenchCluster.APPLICATION_PREFIX + (++runs) + "-" + key;
        String population = backlog.population();
        try (TopicTail output = new TopicTail(cluster.bootstrapServers(), cluster.clientProperties(), job.outputTopic());
             Instances instances = new Instances(job.start(cluster, applicationId, workDir, kafkaConfig))) {
            long started = System.nanoTime();
            TopicTail.Span span = output.await(backlog.articles(), timeout,
                    () -> instances.requireAlive(label), label);
            BenchRow row = BenchRow.rate(key, label, backlog.articles(), population, span.seconds(), load.bytes());
            if (job.processor() && job.exactlyOnce()) {
                Duration left = timeout.minusNanos(System.nanoTime() - started);
                double countedSeconds = (awaitCounted(applicationId, left, instances, label) - span.firstNanos()) / 1e9;
                row = row.withCounted(backlog.articles() / countedSeconds);
            }
            return new Result(load, row.withMemory(instances.memory()));
        }
    }

    /** When the group first had nothing left to read in its input and repartition topics (nanoTime). */
    private long awaitCounted(String applicationId, Duration timeout, Instances instances, String label) {
        Predicate<String> inputs = topic -> topic.equals(Topics.ARTICLES_RAW)
                || (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"));
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        try (PipelineDrain drain = new PipelineDrain(cluster.bootstrapServers(), cluster.clientProperties())) {
            while (true) {
                Map<?, Long> lag = drain.lag(applicationId, inputs);
                long now = System.nanoTime();
                if (!lag.isEmpty() && lag.values().stream().allMatch(l -> l == 0)) {
                    return now;
                }
                instances.requireAlive(label);
                if (now > deadline) {
                    throw new RunTimedOut(label + ": articles still not counted after the run's timeout; lag " + lag);
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException e) {
            throw new BenchFailure("cannot read the lag of " + applicationId + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
