package org.influencemonitor.processor;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Topic;
import org.influencemonitor.processor.alerts.AlertMapper;
import org.influencemonitor.processor.alerts.RuleEvaluator;
import org.influencemonitor.processor.enrichment.ArticleCheck;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import org.influencemonitor.processor.enrichment.ArticleValidator;
import org.influencemonitor.processor.history.AlertHistory;
import org.influencemonitor.processor.history.WindowHistory;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.SourceCoverage;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.influencemonitor.processor.windows.ArticleMentions;
import org.influencemonitor.processor.windows.ClockSignals;
import org.influencemonitor.processor.windows.CounterOutput;
import org.influencemonitor.processor.windows.CountingSignal;
import org.influencemonitor.processor.windows.EventWindows;
import org.influencemonitor.processor.windows.MentionPublisher;
import org.influencemonitor.processor.windows.MentionRouter;
import org.influencemonitor.processor.windows.Routed;
import org.influencemonitor.processor.windows.SourceClocks;
import org.influencemonitor.processor.windows.SourceEvent;
import org.influencemonitor.processor.windows.WindowTally;
import org.influencemonitor.processor.windows.WindowedMentionCounter;

/**
 * The processor's topology, built in this one place from its configuration:
 *
 * <pre>
 * articles.raw ─ validate ─ tag ─┬─► articles.enriched
 *                                └─ route (per source partition: deduplicate by article id, decide
 * monitor.clock ─ tick ──────────┘   lateness, count per window, broadcast the partition's watermark)
 *        ├─ too late ─► articles.late
 *        └─ one mention per target country, source clocks to every partition ─► repartition by country
 *     ─ count articles per country and window, close on the lowest source watermark ─┬─ coalesce ─► mentions.by-country
 *                                       (too late: ─► articles.late)                 └─ rules: threshold, spike, share,
 *                                                                                       narrative, new_actor; coverage of the
 *                                                                                       feeds (partition 0); incidents ─► alerts
 * </pre>
 *
 * Records that cannot be read or validated go to {@code articles.dlq} through the exception handlers
 * that {@link StreamsSettings} configures; a source record dated outside the accepted times is unreadable
 * ({@link EventTimeGuard}), and an enriched article too large to write sends its input there too
 * ({@link OutputSizeGuard}).
 */
public final class MonitorTopology {
    static final String REPARTITION_NAME = "by-country";
    /** The narrative the seed report warns of: claims that an election is rigged or stolen. */
    public static final String FRAUD_CLAIM = ArticleMentions.FRAUD_CLAIM;

    private MonitorTopology() {
    }

    public static Topology build(MonitorConfig config, Tagger tagger) {
        return build(config, tagger, PipelineMeters.none());
    }

    /** The topology, counting what passes through it on {@code meters} (see {@link PipelineMeters}). */
    public static Topology build(MonitorConfig config, Tagger tagger, PipelineMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        EventWindows windows = config.windows();
        ArticleEnricher enricher = new ArticleEnricher(tagger);

        Duration dedupRetention = MentionRouter.dedupRetention(windows);
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(MentionRouter.DEDUP_STORE, dedupRetention, windows.size(), false),
                keys, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MentionRouter.TOTALS_STORE), Serdes.Long(), Serdes.Integer())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MentionRouter.FEEDS_STORE), keys, Serdes.Integer())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowedMentionCounter.STORE), keys, JsonSerde.of(WindowTally.class))
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowedMentionCounter.CLOCKS_STORE), Serdes.Integer(),
                JsonSerde.of(SourceClocks.Source.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowedMentionCounter.HELD_STORE), keys,
                JsonSerde.of(CountingSignal.Mention.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RuleEvaluator.STORE), keys, JsonSerde.of(CountryState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RuleEvaluator.COVERAGE_STORE), keys, JsonSerde.of(SourceCoverage.State.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowHistory.STORE), keys, JsonSerde.of(MentionWindow.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertHistory.HISTORY_STORE), keys, JsonSerde.of(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertHistory.OPEN_STORE), keys, JsonSerde.of(Alert.class)));

        KStream<String, EnrichedArticle> enriched = builder
                .stream(EventTopics.ARTICLES_RAW.name(), consumed(EventTopics.ARTICLES_RAW, ArticleValidator::validate,
                        Article::publishedAt, "published_at", config, "articles-raw"))
                .processValues(() -> new ArticleCheck(config.futureTolerance()), Named.as("validate"))
                .mapValues(enricher::enrich, Named.as("tag"))
                .peek((id, article) -> meters.tagged(article), Named.as("tagged-meter"));
        enriched.to(EventTopics.ARTICLES_ENRICHED.name(), Produced.with(EventTopics.ARTICLES_ENRICHED.keySerde(),
                OutputSizeGuard.of(EventTopics.ARTICLES_ENRICHED.valueSerde())).withName("articles-enriched"));

        KStream<String, SourceEvent> ticks = builder
                .stream(EventTopics.MONITOR_CLOCK.name(), consumed(EventTopics.MONITOR_CLOCK, tick -> { },
                        ClockTick::eventTime, "event_time", config, "monitor-clock"))
                .mapValues(tick -> (SourceEvent) new SourceEvent.Tick(tick.eventTime()), Named.as("external-clock"));
        KStream<String, Routed> routed = enriched
                .mapValues(article -> (SourceEvent) new SourceEvent.Tagged(article), Named.as("tagged"))
                .merge(ticks, Named.as("merge-clock"))
                .process(() -> new MentionRouter(windows, config.clockTick(), config.watermarkInterval(), config.idleAfter(),
                                config.rules().coverage().enabled() ? config.rules().coverage().maxSources() : 0),
                        Named.as("route"),
                        MentionRouter.DEDUP_STORE, MentionRouter.TOTALS_STORE, MentionRouter.FEEDS_STORE);
        routed.filter((country, r) -> r instanceof Routed.Late, Named.as("late-at-source"))
                .mapValues(r -> ((Routed.Late) r).article(), Named.as("late-at-source-article"))
                .peek((country, late) -> meters.late("source"), Named.as("late-at-source-meter"))
                .to(EventTopics.ARTICLES_LATE.name(), produced(EventTopics.ARTICLES_LATE, "articles-late-at-source"));

        Repartitioned<String, CountingSignal> byCountry = Repartitioned
                .with(keys, JsonSerde.of(CountingSignal.class))
                .withName(REPARTITION_NAME)
                .withStreamPartitioner(new ClockSignals());
        if (config.repartitionPartitions() != null) {
            byCountry = byCountry.withNumberOfPartitions(config.repartitionPartitions());
        }
        KStream<String, CounterOutput> counted = routed
                .filter((key, r) -> r instanceof Routed.Signal, Named.as("signals"))
                .mapValues(r -> ((Routed.Signal) r).signal(), Named.as("signal"))
                .repartition(byCountry)
                .process(() -> new WindowedMentionCounter(windows, config.sourcePartitions()), Named.as("count-windows"),
                        WindowedMentionCounter.STORE, WindowedMentionCounter.CLOCKS_STORE, WindowedMentionCounter.HELD_STORE);
        counted.filter((country, out) -> out instanceof CounterOutput.Late, Named.as("late"))
                .mapValues(out -> ((CounterOutput.Late) out).article(), Named.as("late-article"))
                .peek((country, late) -> meters.late("counter"), Named.as("late-meter"))
                .to(EventTopics.ARTICLES_LATE.name(), produced(EventTopics.ARTICLES_LATE, "articles-late"));
        counted.filter((country, out) -> out instanceof CounterOutput.Tally, Named.as("countries"))
                .mapValues(out -> ((CounterOutput.Tally) out).tally(), Named.as("tally"))
                .process(() -> new MentionPublisher(config.publishInterval()), Named.as("coalesce"))
                .processValues(() -> new WindowHistory(config.historyRetention()), Named.as("window-history"),
                        WindowHistory.STORE)
                .mapValues(WindowTally::toEvent, Named.as("window-event"))
                .to(EventTopics.MENTIONS_BY_COUNTRY.name(),
                        produced(EventTopics.MENTIONS_BY_COUNTRY, "mentions-by-country-out"));
        RuleEngine engine = new RuleEngine(config.rules(), config.calendar());
        AlertMapper mapper = new AlertMapper(config.calendar(), config.rules().preElection());
        SourceCoverage watch = config.rules().coverage().enabled() ? SourceCoverage.of(config.rules().coverage()) : null;
        counted.filterNot((country, out) -> out instanceof CounterOutput.Late, Named.as("on-time"))
                .peek((country, out) -> meters.markWindow(out instanceof CounterOutput.Tally t
                        ? t.tally().latestIngestedAt() : null), Named.as("latency-mark"))
                .process(() -> new RuleEvaluator(engine, windows, mapper, watch), Named.as("rules"),
                        RuleEvaluator.STORE, RuleEvaluator.COVERAGE_STORE)
                .processValues(() -> new AlertHistory(config.historyRetention()), Named.as("alert-history"),
                        AlertHistory.HISTORY_STORE, AlertHistory.OPEN_STORE)
                .peek((country, alert) -> meters.alert(alert), Named.as("alerts-meter"))
                .to(EventTopics.ALERTS.name(), produced(EventTopics.ALERTS, "alerts-out"));
        return builder.build();
    }

    /** A source topic read with its event time checked while reading ({@link EventTimeGuard}). */
    private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, java.util.function.Consumer<V> check,
                                                  java.util.function.Function<V, java.time.Instant> eventTime,
                                                  String field, MonitorConfig config, String name) {
        Serde<V> values = EventTimeGuard.of(topic.valueSerde(), check, eventTime, field, config.futureTolerance(), Clock.systemUTC());
        return Consumed.with(topic.keySerde(), values).withTimestampExtractor(new EventTimeExtractor()).withName(name);
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
