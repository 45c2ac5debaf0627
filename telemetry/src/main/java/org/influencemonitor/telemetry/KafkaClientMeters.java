package org.influencemonitor.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * A Kafka client's own metrics (send rates, errors, fetch lag, ...) as meters, bound where the client is
 * created and closed with it: the binder polls the client's metrics and must stop before the client goes.
 */
public final class KafkaClientMeters implements AutoCloseable {
    private final KafkaClientMetrics metrics;

    private KafkaClientMeters(KafkaClientMetrics metrics, MeterRegistry registry) {
        this.metrics = metrics;
        metrics.bindTo(registry);
    }

    public static KafkaClientMeters of(Producer<?, ?> producer, MeterRegistry registry) {
        return new KafkaClientMeters(new KafkaClientMetrics(producer), registry);
    }

    public static KafkaClientMeters of(Consumer<?, ?> consumer, MeterRegistry registry) {
        return new KafkaClientMeters(new KafkaClientMetrics(consumer), registry);
    }

    @Override
    public void close() {
        metrics.close();
    }
}
