package org.influencemonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.apache.kafka.common.serialization.Serializer;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topics;
import org.influencemonitor.telemetry.KafkaClientMeters;

/**
 * The Kafka edge of every ingest source: articles to {@code articles.raw}, rejected input to
 * {@code articles.dlq} with its reason and origin, and clock ticks to {@code monitor.clock}. The producer
 * is idempotent with {@code acks=all}, so a retried send never duplicates an article; a failed send is
 * remembered and raised at {@link #flush()}, never swallowed.
 */
public final class ArticlePublisher implements AutoCloseable {
    public static final String REASON_HEADER = "monitor.error.reason";
    public static final String ORIGIN_HEADER = "monitor.error.origin";

    private final Producer<String, byte[]> producer;
    private final Serializer<Article> articles = EventTopics.ARTICLES_RAW.valueSerde().serializer();
    private final Serializer<ClockTick> ticks = EventTopics.MONITOR_CLOCK.valueSerde().serializer();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private KafkaClientMeters meters;

    public ArticlePublisher(String bootstrapServers, Properties userProperties) {
        Properties props = new Properties();
        props.putAll(userProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Binds the producer's own metrics (send rates, errors, ...) to {@code registry} until {@link #close()}. */
    public void bindMetrics(MeterRegistry registry) {
        meters = KafkaClientMeters.of(producer, registry);
    }

    public void publish(Article article) {
        long timestamp = (article.publishedAt() != null ? article.publishedAt() : article.ingestedAt()).toEpochMilli();
        send(new ProducerRecord<>(Topics.ARTICLES_RAW, null, timestamp, article.id(),
                articles.serialize(Topics.ARTICLES_RAW, article)));
    }

    public void reject(byte[] original, String reason, String origin) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_DLQ, null, original);
        record.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /**
     * Tells the processor that event time has reached {@code eventTime}, so windows up to it can close.
     * The tick goes to every partition of {@code monitor.clock}: each is read by the processor task of the
     * same {@code articles.raw} partition, and a window closes only once every such task has passed it.
     */
    public void advanceClock(Instant eventTime) {
        byte[] tick = ticks.serialize(Topics.MONITOR_CLOCK, new ClockTick(1, eventTime));
        for (PartitionInfo partition : producer.partitionsFor(Topics.MONITOR_CLOCK)) {
            send(new ProducerRecord<>(Topics.MONITOR_CLOCK, partition.partition(), eventTime.toEpochMilli(), "clock", tick));
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                firstFailure.compareAndSet(null, e);
            }
        });
    }

    /** Waits for every send so far; throws if any failed. */
    public void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("could not publish to Kafka: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        if (meters != null) {
            meters.close();
        }
        producer.close();
    }
}
