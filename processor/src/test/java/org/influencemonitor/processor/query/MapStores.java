package org.influencemonitor.processor.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** In-memory stand-ins for the processor's stores, remembering which partition each read asked for. */
final class MapStores implements LocalStores {
    private final Map<String, TreeMap<String, Object>> stores = new HashMap<>();
    final List<Integer> partitionsAsked = new ArrayList<>();

    MapStores put(String store, String key, Object value) {
        stores.computeIfAbsent(store, s -> new TreeMap<>()).put(key, value);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
        partitionsAsked.add(partition);
        TreeMap<String, V> data = (TreeMap<String, V>) (TreeMap<String, ?>) stores.computeIfAbsent(name, s -> new TreeMap<>());
        return new ReadOnlyKeyValueStore<>() {
            @Override
            public V get(String key) {
                return data.get(key);
            }

            @Override
            public KeyValueIterator<String, V> range(String from, String to) {
                NavigableMap<String, V> view = data;
                if (from != null) {
                    view = view.tailMap(from, true);
                }
                if (to != null) {
                    view = view.headMap(to, true);
                }
                return iterator(view);
            }

            @Override
            public KeyValueIterator<String, V> all() {
                return iterator(data);
            }

            @Override
            public long approximateNumEntries() {
                return data.size();
            }
        };
    }

    private static <V> KeyValueIterator<String, V> iterator(Map<String, V> view) {
        Iterator<Map.Entry<String, V>> it = new ArrayList<>(view.entrySet()).iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                Map.Entry<String, V> e = it.next();
                return KeyValue.pair(e.getKey(), e.getValue());
            }

            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
