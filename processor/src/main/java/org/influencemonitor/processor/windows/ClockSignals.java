package org.influencemonitor.processor.windows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes the by-country repartition topic: mentions by their country (as the default partitioner would),
 * source clocks to every partition (Kafka Streams multicast partitioning, KIP-837).
 */
public final class ClockSignals implements StreamPartitioner<String, CountingSignal> {
    /** The key source clocks travel under; never a country code. */
    public static final String KEY = "~clock";

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, CountingSignal value, int numPartitions) {
        if (value instanceof CountingSignal.SourceClock) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        // The same murmur2 hash as the default partitioner, so a country's partition does not depend on us.
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
        return Optional.of(Set.of(partition));
    }
}
