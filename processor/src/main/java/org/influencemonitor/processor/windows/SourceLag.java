package org.influencemonitor.processor.windows;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How far the processor's consumer is behind the end of a source partition, read from the consumer's own
 * {@code records-lag} metric. A source is idle only when it is caught up: a partition whose records are
 * waiting (the stream thread is busy elsewhere, or Kafka Streams paused fetching while its buffers are
 * full) is slow, not idle, and must keep holding windows open.
 *
 * <p>Handed to the topology through the Streams configuration ({@link #CONFIG}), because the processors
 * are created by Kafka Streams and the metrics only exist once the {@code KafkaStreams} instance does.
 */
public final class SourceLag {
    /** The Streams configuration key under which the processor finds this object. */
    public static final String CONFIG = "influence.monitor.source.lag";

    private volatile Supplier<Map<MetricName, ? extends Metric>> metrics;

    /** Reads the metrics of {@code metrics} from now on (KafkaStreams::metrics). */
    public void attach(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        this.metrics = metrics;
    }

    /** Records between the consumer's position and the end of the partition; empty when not known. */
    public OptionalLong lag(String topic, int partition) {
        Supplier<Map<MetricName, ? extends Metric>> source = metrics;
        if (source == null) {
            return OptionalLong.empty();
        }
        String p = Integer.toString(partition);
        for (Map.Entry<MetricName, ? extends Metric> e : source.get().entrySet()) {
            MetricName name = e.getKey();
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && topic.equals(name.tags().get("topic")) && p.equals(name.tags().get("partition"))) {
                Object value = e.getValue().metricValue();
                if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    return OptionalLong.of(n.longValue());
                }
            }
        }
        return OptionalLong.empty();
    }
}
