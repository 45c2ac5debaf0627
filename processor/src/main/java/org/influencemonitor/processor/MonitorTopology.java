package org.influencemonitor.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.LateArticle;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Tags;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.alerts.AlertMapper;
import org.influencemonitor.processor.alerts.RuleEvaluator;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import org.influencemonitor.processor.enrichment.ArticleCheck;
import org.influencemonitor.processor.history.AlertHistory;
import org.influencemonitor.processor.history.WindowHistory;
import org.influencemonitor.processor.enrichment.TargetCountries;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.processor.windows.ClockSignals;
import org.influencemonitor.processor.windows.ClockTicker;
import org.influencemonitor.processor.windows.CountrySignal;
import org.influencemonitor.processor.windows.CounterOutput;
import org.influencemonitor.processor.windows.EventWindows;
import org.influencemonitor.processor.windows.WindowTally;
import org.influencemonitor.processor.windows.WindowedMentionCounter;

/**
 * The processor's topology, built in this one place from its configuration:
 *
 * <pre>
 * articles.raw ─ validate ─ tag ─┬─► articles.enriched
 *                                ├─ relevant: one mention per target country ─┐
 *                                └─ clock ticks (event time) ──────────┤
 * monitor.clock ─ clock ticks ─────────────────────────────────────────┴─► repartition by country
 *     ─ count distinct articles per country and window ─┬─► mentions.by-country
 *                                       (too late: ─► articles.late)
 *                                                       └─ rules: threshold, spike, share, narrative,
 *                                                          new_actor; incidents ─► alerts
 * </pre>
 *
 * Records that cannot be read or validated go to {@code articles.dlq} through the exception handlers
 * that {@link StreamsSettings} configures.
 */
public final class MonitorTopology {
    static final String REPARTITION_NAME = "by-country";
    /** The narrative the seed report warns of: claims that an election is rigged or stolen. */
    public static final String FRAUD_CLAIM = "election_fraud_claim";

    private MonitorTopology() {
    }

    public static Topology build(MonitorConfig config, Tagger tagger) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        EventWindows windows = new EventWindows(config.windowSize(), config.windowAdvance(), config.grace());
        ArticleEnricher enricher = new ArticleEnricher(tagger);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowedMentionCounter.STORE), keys, JsonSerde.of(WindowTally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RuleEvaluator.STORE), keys, JsonSerde.of(CountryState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RuleEvaluator.TOTALS_STORE), keys, Serdes.Integer()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowHistory.STORE), keys, JsonSerde.of(MentionWindow.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertHistory.HISTORY_STORE), keys, JsonSerde.of(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertHistory.OPEN_STORE), keys, JsonSerde.of(Alert.class)));

        KStream<String, EnrichedArticle> enriched = builder
                .stream(Topics.ARTICLES_RAW, Consumed.with(keys, JsonSerde.of(Article.class))
                        .withTimestampExtractor(new EventTimeExtractor()).withName("articles-raw"))
                .processValues(() -> new ArticleCheck(config.futureTolerance()), Named.as("validate"))
                .mapValues(enricher::enrich, Named.as("tag"));
        enriched.to(Topics.ARTICLES_ENRICHED, Produced.with(keys, JsonSerde.of(EnrichedArticle.class))
                .withName("articles-enriched"));

        KStream<String, CountrySignal> mentions = enriched
                .filter((id, article) -> article.relevant(), Named.as("relevant"))
                .flatMap((id, article) -> mentionsOf(article), Named.as("mentions-by-country"));
        KStream<String, CountrySignal> articleClock = enriched
                .process(() -> new ClockTicker<EnrichedArticle>(config.clockTick()), Named.as("article-clock"));
        KStream<String, CountrySignal> externalClock = builder
                .stream(Topics.MONITOR_CLOCK, Consumed.with(keys, JsonSerde.of(ClockTick.class))
                        .withTimestampExtractor(new EventTimeExtractor()).withName("monitor-clock"))
                .map((k, tick) -> KeyValue.pair(ClockSignals.KEY, CountrySignal.clock(tick.eventTime())),
                        Named.as("external-clock"));

        Repartitioned<String, CountrySignal> byCountry = Repartitioned
                .with(keys, JsonSerde.of(CountrySignal.class))
                .withName(REPARTITION_NAME)
                .withStreamPartitioner(new ClockSignals());
        if (config.repartitionPartitions() != null) {
            byCountry = byCountry.withNumberOfPartitions(config.repartitionPartitions());
        }
        KStream<String, CounterOutput> counted = mentions
                .merge(articleClock, Named.as("merge-article-clock"))
                .merge(externalClock, Named.as("merge-external-clock"))
                .repartition(byCountry)
                .process(() -> new WindowedMentionCounter(windows), Named.as("count-windows"),
                        WindowedMentionCounter.STORE);
        counted.filter((country, out) -> out.isLate(), Named.as("late"))
                .mapValues(CounterOutput::late, Named.as("late-article"))
                .to(Topics.ARTICLES_LATE, Produced.with(keys, JsonSerde.of(LateArticle.class)).withName("articles-late"));
        KStream<String, WindowTally> tallies = counted
                .filter((country, out) -> out.isTally() && !out.tally().isTotal(), Named.as("countries"))
                .mapValues(CounterOutput::tally, Named.as("tally"));

        tallies = tallies.processValues(() -> new WindowHistory(config.historyRetention()), Named.as("window-history"),
                WindowHistory.STORE);
        tallies.mapValues(WindowTally::toEvent, Named.as("window-event"))
                .to(Topics.MENTIONS_BY_COUNTRY, Produced.with(keys, JsonSerde.of(MentionWindow.class))
                        .withName("mentions-by-country-out"));
        RuleEngine engine = new RuleEngine(config.rules(), config.calendar());
        AlertMapper mapper = new AlertMapper(config.calendar(), config.rules().preElection());
        counted.filterNot((country, out) -> out.isLate(), Named.as("on-time"))
                .process(() -> new RuleEvaluator(engine, windows, mapper, config.historyRetention()), Named.as("rules"),
                        RuleEvaluator.STORE, RuleEvaluator.TOTALS_STORE)
                .processValues(() -> new AlertHistory(config.historyRetention()), Named.as("alert-history"),
                        AlertHistory.HISTORY_STORE, AlertHistory.OPEN_STORE)
                .to(Topics.ALERTS, Produced.with(keys, JsonSerde.of(Alert.class)).withName("alerts-out"));
        return builder.build();
    }

    private static MentionWindow.ActorCount actorCount(Tags.ActorTag actor) {
        return new MentionWindow.ActorCount(actor.id(), actor.name(), actor.country(), actor.kind(), 1);
    }

    private static List<KeyValue<String, CountrySignal>> mentionsOf(EnrichedArticle article) {
        List<Tags.CountryTag> targets = TargetCountries.of(article);
        boolean fraudClaim = article.tags().narratives().stream().anyMatch(n -> n.id().equals(FRAUD_CLAIM));
        boolean stateLinked = article.sourceActor() != null || !article.tags().actors().isEmpty();
        Map<String, MentionWindow.ActorCount> actors = new TreeMap<>();
        if (article.sourceActor() != null) {
            actors.put(article.sourceActor().id(), actorCount(article.sourceActor()));
        }
        article.tags().actors().forEach(a -> actors.putIfAbsent(a.id(), actorCount(a)));
        List<MentionWindow.TermCount> terms = article.tags().electionTerms().stream()
                .map(t -> new MentionWindow.TermCount(t.term(), t.mentions())).toList();
        List<KeyValue<String, CountrySignal>> out = new ArrayList<>(targets.size());
        out.add(KeyValue.pair(CountrySignal.ALL_COUNTRIES, CountrySignal.total(article.id(), article.publishedAt())));
        for (Tags.CountryTag country : targets) {
            out.add(KeyValue.pair(country.code(), new CountrySignal(CountrySignal.Kind.MENTION, country.code(), article.id(),
                    country.mentions(), article.title(), article.url(), article.publishedAt(), article.source(),
                    fraudClaim, stateLinked, List.copyOf(actors.values()), terms)));
        }
        return out;
    }
}
