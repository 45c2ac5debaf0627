package org.influencemonitor.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning, as a downstream consumer would ({@code read_committed}: with
 * exactly-once, output becomes visible only when its transaction commits), on its own thread, noting when
 * the first and the latest record arrived here. Those receipt times are what every rate in the bench is
 * measured by, for the pass-through and the processor alike.
 */
final class TopicTail implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BiConsumer<ConsumerRecord<byte[], byte[]>, Instant> onRecord;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** Receipt times of the first and the latest record, from {@link System#nanoTime()}. */
    record Span(long records, long firstNanos, long lastNanos) {
        double seconds() {
            return (lastNanos - firstNanos) / 1e9;
        }
    }

    TopicTail(String bootstrapServers, Properties clientProperties, String topic,
              BiConsumer<ConsumerRecord<byte[], byte[]>, Instant> onRecord) {
        this.topic = topic;
        this.onRecord = onRecord;
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    TopicTail(String bootstrapServers, Properties clientProperties, String topic) {
        this(bootstrapServers, clientProperties, topic, (record, at) -> { });
    }

    private void run() {
        try {
            while (!stopping) {
                var batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                Instant wall = Instant.now();
                firstNanos.compareAndSet(0, now);
                lastNanos.set(now);
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    onRecord.accept(record, wall);
                }
                records.addAndGet(batch.count());
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (Exception e) {
            failure.set(e);
        }
    }

    long records() {
        return records.get();
    }

    /**
     * Waits until {@code expected} records have arrived, checking {@code health} (the children are alive)
     * as it goes; throws when the timeout passes first.
     */
    Span await(long expected, Duration timeout, Runnable health, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.get() < expected) {
            if (failure.get() != null) {
                throw new BenchFailure("reading " + topic + " failed: " + failure.get().getMessage(), failure.get());
            }
            health.run();
            if (System.nanoTime() > deadline) {
                throw new RunTimedOut(what + ": only " + records.get() + " of " + expected + " records on " + topic
                        + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted while waiting for " + topic);
            }
        }
        return new Span(records.get(), firstNanos.get(), lastNanos.get());
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
