package org.influencemonitor.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.influencemonitor.model.Alert;
import org.apache.kafka.common.serialization.Deserializer;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topics;
import org.influencemonitor.telemetry.KafkaClientMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed alerts and hands them to a channel, committing offsets only after the channel has made
 * a batch durable: at-least-once delivery, with {@code alert_id} for consumers to deduplicate on.
 * Reads with {@code read_committed}, so alerts from an aborted processor transaction are never delivered.
 */
public final class AlertSink implements Runnable, AutoCloseable {
    public static final String DEFAULT_GROUP = "monitor-sink-file";
    private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertChannel channel;
    private final Consumer<Alert> onDelivered;
    private final Deserializer<Alert> serde = EventTopics.ALERTS.valueSerde().deserializer();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running = true;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private KafkaClientMeters meters;

    public AlertSink(String bootstrapServers, Properties userProperties, String groupId, AlertChannel channel,
                     Consumer<Alert> onDelivered) {
        Properties props = new Properties();
        props.putAll(userProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.channel = channel;
        this.onDelivered = onDelivered;
    }

    /** Binds the consumer's own metrics (fetch rates, lag, ...) to {@code registry} until {@link #close()}. */
    public void bindMetrics(MeterRegistry registry) {
        meters = KafkaClientMeters.of(consumer, registry);
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an AlertSink runs once");
        }
        try {
            consumer.subscribe(List.of(Topics.ALERTS));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    commitPastTransactionMarkers();
                    continue;
                }
                List<DeliveredAlert> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    readAlert(record, batch);
                }
                channel.deliver(batch);
                consumer.commitSync();
                consumer.assignment().forEach(tp -> committed.put(tp, consumer.position(tp)));
                delivered.addAndGet(batch.size());
                batch.forEach(a -> onDelivered.accept(a.alert()));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (java.io.IOException e) {
            LOG.error("Alert delivery failed, offsets not committed; stopping: {}", e.getMessage());
            throw new java.io.UncheckedIOException(e);
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    /**
     * The processor writes alerts in transactions, and each commit leaves a marker after the last alert.
     * The position moves past a marker only on a later poll, so commit again then: otherwise the group's
     * lag would never reach zero and nobody could tell a drained sink from a stuck one.
     */
    private void commitPastTransactionMarkers() {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            long position = consumer.position(tp);
            Long last = committed.get(tp);
            if (last == null || last < position) {
                moved.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (!moved.isEmpty()) {
            consumer.commitSync(moved);
            moved.forEach((tp, offset) -> committed.put(tp, offset.offset()));
        }
    }

    private void readAlert(ConsumerRecord<String, byte[]> record, List<DeliveredAlert> batch) {
        try {
            batch.add(new DeliveredAlert(serde.deserialize(record.topic(), record.value()), record.value()));
        } catch (SerializationException e) {
            unreadable.incrementAndGet();
            LOG.warn("Skipped unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    public long delivered() {
        return delivered.get();
    }

    public long unreadable() {
        return unreadable.get();
    }

    /** Stops the poll loop and waits for the consumer to leave its group. */
    @Override
    public void close() throws Exception {
        running = false;
        if (meters != null) {
            meters.close();
        }
        if (started.compareAndSet(false, true)) {
            consumer.close(); // never ran: nothing else will close it
        } else {
            consumer.wakeup();
            stopped.await();
        }
        channel.close();
    }
}
