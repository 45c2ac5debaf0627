package org.influencemonitor.model;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A topic with the types of its keys and values and the serdes that read and write them, so that a
 * reader and a writer of the same topic cannot disagree on its format. The names are those of
 * {@link Topics}; the typed topics themselves are in {@link EventTopics}.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** A topic keyed by strings with JSON values of {@code type}. */
    public static <V> Topic<String, V> json(String name, Class<V> type) {
        return new Topic<>(name, Serdes.String(), JsonSerde.of(type));
    }
}
