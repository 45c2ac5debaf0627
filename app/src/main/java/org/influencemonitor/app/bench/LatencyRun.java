package org.influencemonitor.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.StreamsConfig;
import org.influencemonitor.ingest.ArticleIdentity;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.rules.RuleKind;

/**
 * Latency under a steady offered load, live: the processor is already running, articles dated now are sent
 * at a fixed rate, and a {@code read_committed} consumer notes when each one's enriched event arrives
 * (latency = receipt − the article's {@code ingested_at}, which is set to its send time; one clock, one
 * JVM). Among them, bursts of {@code threshold} articles about one country each (a different country per
 * burst, one the background never names) make the threshold rule fire; surge → alert is from the send of
 * the tipping article (the N-th, N being the threshold the alert reports) to the receipt of the alert.
 */
final class LatencyRun {
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(30);

    private final BenchCluster cluster;
    private final Path workDir;
    private final Path kafkaConfig;

    LatencyRun(BenchCluster cluster, Path workDir, Path kafkaConfig) {
        this.cluster = cluster;
        this.workDir = workDir;
        this.kafkaConfig = kafkaConfig;
    }

    /** Send times of one surge's articles, and when its alert arrived with which threshold. */
    private record Surge(CountryTemplates.Country country, Instant[] sent) {
    }

    private record Fired(Instant received, int threshold) {
    }

    List<BenchRow> run(ArticleBodies bodies, List<CountryTemplates.Country> surgeCountries, int rate, int seconds,
                       int threshold) {
        cluster.freshTopics();
        String applicationId = BenchCluster.APPLICATION_PREFIX + "latency";
        StreamsJob job = StreamsJob.processor(StreamsConfig.EXACTLY_ONCE_V2, 1, 1, "--threshold", String.valueOf(threshold));
        long total = (long) rate * seconds;
        int surges = (int) Math.min(surgeCountries.size(), Math.max(1, seconds * 2L));
        if (total < (long) (surges + 1) * threshold) {
            throw new BenchFailure("the latency run is too short for " + surges + " surges of " + threshold + " articles");
        }
        double[] latencies = new double[(int) total];
        var enrichedSerde = JsonSerde.of(EnrichedArticle.class);
        var alertSerde = JsonSerde.of(Alert.class);
        Map<String, Fired> fired = new ConcurrentHashMap<>();
        int[] seen = {0};
        try (Instances instances = new Instances(job.start(cluster, applicationId, workDir, kafkaConfig))) {
            job.awaitRunning(instances.children());
            try (TopicTail enriched = new TopicTail(cluster.bootstrapServers(), cluster.clientProperties(), Topics.ARTICLES_ENRICHED,
                    (record, at) -> {
                        Instant sent = enrichedSerde.deserialize(record.topic(), record.value()).ingestedAt();
                        if (seen[0] < latencies.length) {
                            latencies[seen[0]++] = Duration.between(sent, at).toNanos() / 1e6;
                        }
                    });
                 TopicTail alerts = new TopicTail(cluster.bootstrapServers(), cluster.clientProperties(), Topics.ALERTS,
                         (record, at) -> {
                             Alert alert = alertSerde.deserialize(record.topic(), record.value());
                             if (alert.rule().equals(RuleKind.THRESHOLD.wireName()) && alert.status() == Alert.Status.FIRING) {
                                 fired.putIfAbsent(alert.country(), new Fired(at, alert.threshold()));
                             }
                         })) {
                long sendStart = System.nanoTime();
                List<Surge> sent = send(bodies, surgeCountries.subList(0, surges), total, rate, threshold, instances);
                double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
                String label = "latency at " + rate + " articles/s";
                // An overloaded processor falls behind; it gets the same time per article as a throughput run.
                enriched.await(total, Duration.ofSeconds(60).plusMillis(3 * total), () -> instances.requireAlive(label), label);
                double[] surgeLatencies = surgeLatencies(sent, fired, instances);
                ChildJvm.Memory memory = instances.memory();
                String offered = "offered " + rate + "/s for " + seconds + " s (achieved " + Math.round(total / sendSeconds) + "/s)";
                return List.of(
                        new BenchRow("latency", "latency: send → enriched, monitor EOS, 1 thread × 1 instance", total, "live",
                                null, null, null, null, null, null, Latency.of(latencies), offered).withMemory(memory),
                        new BenchRow("surge", "latency: surge → alert (threshold " + threshold + "), same run",
                                (long) surges * threshold, "live", null, null, null, null, null, null,
                                Latency.of(surgeLatencies), surges + " surges, one country each"));
            }
        }
    }

    private List<Surge> send(ArticleBodies bodies, List<CountryTemplates.Country> countries, long total, int rate,
                             int threshold, Instances instances) {
        List<Surge> surges = new ArrayList<>();
        long every = total / (countries.size() + 1);
        long period = 1_000_000_000L / rate;
        try (ArticlePublisher publisher = new ArticlePublisher(cluster.bootstrapServers(), cluster.clientProperties())) {
            long start = System.nanoTime();
            Surge burst = null;
            int burstSent = 0;
            Instant burstTime = null;
            for (long i = 0; i < total; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (i % rate == 0) {
                    instances.requireAlive("the latency run");
                }
                Instant now = Instant.now();
                if (burst == null && surges.size() < countries.size() && i >= every * (surges.size() + 1)) {
                    burst = new Surge(countries.get(surges.size()), new Instant[threshold]);
                    surges.add(burst);
                    burstSent = 0;
                    burstTime = now; // one published_at for the whole burst: it cannot straddle two windows
                }
                Article article;
                if (burst != null) {
                    article = CountryTemplates.article(burst.country(), "bench-live-" + i, burstTime, now);
                    burst.sent()[burstSent++] = now;
                    if (burstSent == threshold) {
                        burst = null;
                    }
                } else {
                    ArticleBodies.Body body = bodies.get(i);
                    String url = body.copyUrl("bench-live-" + i);
                    article = new Article(Article.SCHEMA_VERSION, ArticleIdentity.idFor(url),
                            url, body.source(), body.title(), body.text(), "en", now, now);
                }
                publisher.publish(article);
            }
            publisher.flush();
        } catch (IllegalStateException e) {
            throw new BenchFailure("sending the latency run's articles failed: " + e.getMessage(), e);
        }
        return surges;
    }

    private double[] surgeLatencies(List<Surge> surges, Map<String, Fired> fired, Instances instances) {
        long deadline = System.nanoTime() + ALERT_TIMEOUT.toNanos();
        while (surges.stream().anyMatch(s -> !fired.containsKey(s.country().code()))) {
            instances.requireAlive("the surge run");
            if (System.nanoTime() > deadline) {
                List<String> silent = surges.stream().map(s -> s.country().code()).filter(c -> !fired.containsKey(c)).toList();
                throw new RunTimedOut(silent.size() + " of " + surges.size() + " surges raised no threshold alert within "
                        + ALERT_TIMEOUT.toSeconds() + " s after the last article was sent: " + silent);
            }
            LockSupport.parkNanos(20_000_000L);
        }
        double[] out = new double[surges.size()];
        for (int i = 0; i < out.length; i++) {
            Surge surge = surges.get(i);
            Fired alert = fired.get(surge.country().code());
            if (alert.threshold() < 1 || alert.threshold() > surge.sent().length) {
                throw new BenchFailure("the alert for " + surge.country().code() + " reports threshold " + alert.threshold()
                        + ", but its surge had " + surge.sent().length + " articles");
            }
            out[i] = Duration.between(surge.sent()[alert.threshold() - 1], alert.received()).toNanos() / 1e6;
        }
        return out;
    }
}
