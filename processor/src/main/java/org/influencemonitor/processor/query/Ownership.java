package org.influencemonitor.processor.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.influencemonitor.processor.alerts.RuleEvaluator;
import org.influencemonitor.processor.history.WindowHistory;
import org.influencemonitor.processor.rules.SourceCoverage;

/**
 * Which instance owns a country, from Kafka Streams' metadata. Every queryable store sits behind the
 * {@code by-country} repartition topic, whose partitioner hashes the country code as the default
 * partitioner does, so the bare country code is the routing key even though no store is keyed by it.
 * The one exception is {@code ZZ}, the feeds' coverage alerts, which live with partition
 * {@value RuleEvaluator#FEEDS_PARTITION}: its task alone sends them.
 */
final class Ownership {
    private static final Serializer<String> KEYS = Serdes.String().serializer();
    /** The feeds' coverage alerts ({@code ZZ}) are sent, and so stored, by one partition's task only. */
    private static final StreamPartitioner<String, Void> FEEDS_OWNER = new StreamPartitioner<>() {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, Void value, int numPartitions) {
            return Optional.of(Set.of(RuleEvaluator.FEEDS_PARTITION));
        }
    };

    /** Where a country's data lives: its partition, its instance, and whether that instance is this one. */
    record Owner(int partition, HostInfo host, boolean local) {
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    Ownership(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    Owner of(String country) {
        KeyQueryMetadata metadata;
        try {
            metadata = SourceCoverage.FEEDS.equals(country)
                    ? streams.queryMetadataForKey(WindowHistory.STORE, country, FEEDS_OWNER)
                    : streams.queryMetadataForKey(WindowHistory.STORE, country, KEYS);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw QueryException.unavailable("the processor is not running yet: " + e.getMessage());
        }
        if (metadata == null || metadata.partition() < 0 || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw QueryException.unavailable("no instance owns " + country + " right now (starting or rebalancing)");
        }
        HostInfo active = metadata.activeHost();
        // Without application.server Kafka Streams knows no hosts: a single instance answers for itself.
        boolean local = active == null || active.port() < 0 || active.equals(self);
        return new Owner(metadata.partition(), active, local);
    }

    /** Every other instance of the application that hosts queryable state, as advertised by application.server. */
    List<HostInfo> others() {
        Set<HostInfo> hosts = new LinkedHashSet<>();
        try {
            for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
                HostInfo host = instance.hostInfo();
                if (host != null && host.port() > 0 && !host.equals(self) && !instance.stateStoreNames().isEmpty()) {
                    hosts.add(host);
                }
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw QueryException.unavailable("the processor is not running yet: " + e.getMessage());
        }
        return List.copyOf(hosts);
    }
}
