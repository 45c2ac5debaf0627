package org.influencemonitor.processor.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's key-value stores, by name: one partition's store, or (partition null) every partition
 * this instance hosts. Throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the
 * store cannot be queried (not started, rebalancing, restoring, partition not hosted here).
 */
interface LocalStores {
    <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition);

    static LocalStores of(KafkaStreams streams) {
        return new LocalStores() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
                StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query =
                        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
                return streams.store(partition == null ? query : query.withPartition(partition));
            }
        };
    }
}
