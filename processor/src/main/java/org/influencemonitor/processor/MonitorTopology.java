package org.influencemonitor.processor;

import java.util.ArrayList;
import java.util.List;
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
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Tags;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.alerts.AlertEmitter;
import org.influencemonitor.processor.alerts.ThresholdRule;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import org.influencemonitor.processor.enrichment.ArticleValidator;
import org.influencemonitor.processor.enrichment.TargetCountries;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.processor.windows.ClockSignals;
import org.influencemonitor.processor.windows.ClockTicker;
import org.influencemonitor.processor.windows.CountrySignal;
import org.influencemonitor.processor.windows.TumblingWindows;
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
 *                                                       └─ threshold rule ─► alerts
 * </pre>
 *
 * Records that cannot be read or validated go to {@code articles.dlq} through the exception handlers
 * that {@link StreamsSettings} configures.
 */
public final class MonitorTopology {
    static final String REPARTITION_NAME = "by-country";

    private MonitorTopology() {
    }

    public static Topology build(MonitorConfig config, Tagger tagger) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        TumblingWindows windows = new TumblingWindows(config.windowSize(), config.grace());
        ArticleEnricher enricher = new ArticleEnricher(tagger);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowedMentionCounter.STORE), keys, JsonSerde.of(WindowTally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertEmitter.STORE), keys, Serdes.Long()));

        KStream<String, EnrichedArticle> enriched = builder
                .stream(Topics.ARTICLES_RAW, Consumed.with(keys, JsonSerde.of(Article.class))
                        .withTimestampExtractor(new EventTimeExtractor()).withName("articles-raw"))
                .mapValues(ArticleValidator::validate, Named.as("validate"))
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
        KStream<String, WindowTally> tallies = mentions
                .merge(articleClock, Named.as("merge-article-clock"))
                .merge(externalClock, Named.as("merge-external-clock"))
                .repartition(byCountry)
                .process(() -> new WindowedMentionCounter(windows), Named.as("count-windows"),
                        WindowedMentionCounter.STORE);

        tallies.mapValues(WindowTally::toEvent, Named.as("window-event"))
                .to(Topics.MENTIONS_BY_COUNTRY, Produced.with(keys, JsonSerde.of(MentionWindow.class))
                        .withName("mentions-by-country-out"));
        tallies.process(() -> new AlertEmitter(new ThresholdRule(config.alertThreshold())), Named.as("threshold-rule"),
                        AlertEmitter.STORE)
                .to(Topics.ALERTS, Produced.with(keys, JsonSerde.of(Alert.class)).withName("alerts-out"));
        return builder.build();
    }

    private static List<KeyValue<String, CountrySignal>> mentionsOf(EnrichedArticle article) {
        List<Tags.CountryTag> targets = TargetCountries.of(article);
        List<KeyValue<String, CountrySignal>> out = new ArrayList<>(targets.size());
        for (Tags.CountryTag country : targets) {
            out.add(KeyValue.pair(country.code(), CountrySignal.mention(country.code(), article.id(),
                    country.mentions(), article.title(), article.url(), article.publishedAt())));
        }
        return out;
    }
}
