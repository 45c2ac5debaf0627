package org.influencemonitor.processor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.processor.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several feeds can fall silent in the same window: each coverage incident is kept apart, a country's are not. */
class AlertHistoryTest {
    private static final Instant W = Instant.parse("2025-03-06T01:00:00Z");

    @TempDir
    Path dir;

    private static Alert alert(String id, String rule, String country, Alert.Status status) {
        return new Alert(1, id, rule, country, W, W.plus(Duration.ofHours(1)), 0, 1, Alert.Severity.WARNING, status,
                List.of(), W);
    }

    @Test
    void twoSilentFeedsAreTwoOpenIncidentsAndTwoHistoryEntries() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AlertHistory.HISTORY_STORE),
                Serdes.String(), JsonSerde.of(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AlertHistory.OPEN_STORE),
                Serdes.String(), JsonSerde.of(Alert.class)));
        builder.stream("in", Consumed.with(Serdes.String(), JsonSerde.of(Alert.class)))
                .processValues(() -> new AlertHistory(Duration.ofDays(30)), AlertHistory.HISTORY_STORE, AlertHistory.OPEN_STORE);
        Properties props = StreamsSettings.of("unused:9092", "alert-history-test", dir, new Properties());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, Alert> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    JsonSerde.of(Alert.class));
            in.pipeInput("ZZ", alert("feed-a", "coverage", "ZZ", Alert.Status.FIRING));
            in.pipeInput("ZZ", alert("feed-b", "coverage", "ZZ", Alert.Status.FIRING));
            in.pipeInput("MD", alert("md-1", "spike", "MD", Alert.Status.FIRING));
            in.pipeInput("MD", alert("md-1", "spike", "MD", Alert.Status.FIRING));
            KeyValueStore<String, Alert> open = driver.getKeyValueStore(AlertHistory.OPEN_STORE);
            KeyValueStore<String, Alert> history = driver.getKeyValueStore(AlertHistory.HISTORY_STORE);
            assertEquals(List.of("MD|spike", "ZZ|coverage|feed-a", "ZZ|coverage|feed-b"), keys(open));
            assertEquals(3, keys(history).size(), "the two feeds' firings and MD's (its repeat overwrites): " + keys(history));
            in.pipeInput("ZZ", alert("feed-a", "coverage", "ZZ", Alert.Status.RESOLVED));
            assertEquals(List.of("MD|spike", "ZZ|coverage|feed-b"), keys(open), "feed a back, feed b still silent");
        }
    }

    private static List<String> keys(KeyValueStore<String, Alert> store) {
        List<String> keys = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
