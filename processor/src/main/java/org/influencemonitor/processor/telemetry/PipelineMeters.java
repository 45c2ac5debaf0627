package org.influencemonitor.processor.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;

/**
 * What the processor counts for operators, as Prometheus sees it (names after Micrometer's conversion):
 *
 * <ul>
 * <li>{@code monitor_articles_tagged_total}: articles tagged; its {@code rate()} is articles per second</li>
 * <li>{@code monitor_articles_relevant_total}: of those, the relevant ones</li>
 * <li>{@code monitor_tags_total{kind}}: tags found, by kind ({@code country, actor, election_term, narrative})</li>
 * <li>{@code monitor_actor_tags_total{actor_kind}}: actor tags by the actor's kind ({@code state_media}, ...)</li>
 * <li>{@code monitor_dead_letters_total{stage}}: records sent to {@code articles.dlq} ({@code deserialization}, {@code processing})</li>
 * <li>{@code monitor_articles_late_total{stage}}: mentions sent to {@code articles.late} ({@code source}, {@code counter})</li>
 * <li>{@code monitor_alerts_total{rule, severity, status}}: alert events published</li>
 * <li>{@code monitor_alert_latency_seconds}: histogram of the time from the {@code ingested_at} of the latest
 * article counted in the alert's window to the alert's {@code created_at}</li>
 * </ul>
 *
 * Counted where the records pass in the topology. With exactly-once a task that is retried after an error
 * counts its records again: the meters say what the processor did, the topics say what it committed.
 * Handed to Kafka Streams' exception handlers through the Streams configuration ({@link #CONFIG}), because
 * Kafka Streams creates those.
 */
public final class PipelineMeters {
    /** The Streams configuration key under which the dead-letter handlers find this object. */
    public static final String CONFIG = "influence.monitor.meters";

    /** Bucket bounds of the latency histogram: a second is the target, the window's close the worst case. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(2)};

    private final MeterRegistry registry;
    private final Counter tagged;
    private final Counter relevant;
    private final ThreadLocal<Instant> window = new ThreadLocal<>();
    // Held rather than looked up per article: tagging is the processor's hot path.
    private final Counter countryTags;
    private final Counter actorTags;
    private final Counter termTags;
    private final Counter narrativeTags;
    private final Map<String, Counter> actorKinds = new java.util.concurrent.ConcurrentHashMap<>();

    public PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.tagged = Counter.builder("monitor.articles.tagged").description("Articles tagged").register(registry);
        this.relevant = Counter.builder("monitor.articles.relevant").description("Tagged articles that are relevant")
                .register(registry);
        this.countryTags = tagsOf("country");
        this.actorTags = tagsOf("actor");
        this.termTags = tagsOf("election_term");
        this.narrativeTags = tagsOf("narrative");
        // Registered at zero, so that Prometheus has a series to take a rate of before the first one happens.
        for (String stage : new String[] {"deserialization", "processing", "production"}) {
            deadLetterCounter(stage);
        }
        for (String stage : new String[] {"source", "counter"}) {
            lateCounter(stage);
        }
    }

    /** Meters that go nowhere: for topologies built without telemetry (tests, tools). */
    public static PipelineMeters none() {
        return new PipelineMeters(new CompositeMeterRegistry());
    }

    /** The meters in a Streams configuration, or {@link #none()} when it has none. */
    public static PipelineMeters from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof PipelineMeters meters ? meters : none();
    }

    public void tagged(EnrichedArticle article) {
        tagged.increment();
        if (article.relevant()) {
            relevant.increment();
        }
        Tags tags = article.tags();
        add(countryTags, tags.countries().size());
        add(actorTags, tags.actors().size());
        add(termTags, tags.electionTerms().size());
        add(narrativeTags, tags.narratives().size());
        for (Tags.ActorTag actor : tags.actors()) {
            actorKinds.computeIfAbsent(String.valueOf(actor.kind()).toLowerCase(java.util.Locale.ROOT),
                    kind -> Counter.builder("monitor.actor.tags").description("Actor tags by the actor's kind")
                            .tag("actor_kind", kind).register(registry)).increment();
        }
    }

    private static void add(Counter counter, int count) {
        if (count > 0) {
            counter.increment(count);
        }
    }

    private Counter tagsOf(String kind) {
        return Counter.builder("monitor.tags").description("Tags found, by kind").tag("kind", kind).register(registry);
    }

    public void deadLetter(String stage) {
        deadLetterCounter(stage).increment();
    }

    public void late(String stage) {
        lateCounter(stage).increment();
    }

    private Counter deadLetterCounter(String stage) {
        return Counter.builder("monitor.dead.letters").description("Records sent to articles.dlq by the processor")
                .tag("stage", stage).register(registry);
    }

    private Counter lateCounter(String stage) {
        return Counter.builder("monitor.articles.late").description("Country mentions sent to articles.late")
                .tag("stage", stage).register(registry);
    }

    /**
     * The window being evaluated by the rules on this thread: {@link #alert(Alert)} measures from its latest
     * article. A thread-local hand-over is enough, because Kafka Streams forwards a record through the rules to
     * the alert's output synchronously on one stream thread, so the alerts that follow a mark are the alerts of
     * that window (or of no window, for the resolutions a closing clock raises: {@code null}).
     */
    public void markWindow(Instant latestIngested) {
        window.set(latestIngested);
    }

    /** One published alert event, measured from the window {@link #markWindow marked} on this thread. */
    public void alert(Alert alert) {
        alert(alert, window.get());
    }

    /** One published alert event; {@code latestIngested} is when the window's latest article was ingested, if known. */
    public void alert(Alert alert, Instant latestIngested) {
        Counter.builder("monitor.alerts").description("Alert events published")
                .tag("rule", alert.rule())
                .tag("severity", alert.severity().wireName())
                .tag("status", alert.status().wireName())
                .register(registry).increment();
        if (latestIngested != null && alert.createdAt() != null && !alert.createdAt().isBefore(latestIngested)) {
            Timer.builder("monitor.alert.latency")
                    .description("From the ingested_at of the latest article in the alert's window to the alert's created_at")
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry)
                    .record(Duration.between(latestIngested, alert.createdAt()));
        }
    }
}
