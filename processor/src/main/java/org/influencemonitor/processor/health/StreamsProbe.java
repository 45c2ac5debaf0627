package org.influencemonitor.processor.health;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Samples a running {@link KafkaStreams} for {@link ProcessorHealth}: its state, the records waiting on the
 * source topics (the consumers' own {@code records-lag}, summed over partitions) and the records its
 * threads have processed ({@code process-total}).
 */
public final class StreamsProbe {
    private final KafkaStreams streams;
    private final Set<String> sourceTopics;
    private final Clock clock;

    public StreamsProbe(KafkaStreams streams, Set<String> sourceTopics, Clock clock) {
        this.streams = streams;
        this.sourceTopics = Set.copyOf(sourceTopics);
        this.clock = clock;
    }

    public ProcessorHealth.Sample sample() {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        long lag = 0;
        boolean lagKnown = false;
        long processed = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName name = e.getKey();
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && sourceTopics.contains(name.tags().get("topic")) && name.tags().containsKey("partition")) {
                double value = number(e.getValue());
                if (!Double.isNaN(value)) {
                    lag += Math.max(0, (long) value);
                    lagKnown = true;
                }
            } else if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                double value = number(e.getValue());
                processed += Double.isNaN(value) ? 0 : (long) value;
            }
        }
        if (!lagKnown && streams.state() == KafkaStreams.State.RUNNING && activeTasks() == 0) {
            lagKnown = true; // nothing assigned to this instance: nothing can wait for it
        }
        return new ProcessorHealth.Sample(clock.instant(), streams.state(),
                lagKnown ? OptionalLong.of(lag) : OptionalLong.empty(), processed);
    }

    private int activeTasks() {
        return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    private static double number(Metric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
