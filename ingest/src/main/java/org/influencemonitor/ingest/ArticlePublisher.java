package org.influencemonitor.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topics;
import org.influencemonitor.telemetry.KafkaClientMeters;

/**
 * The Kafka edge of every ingest source: articles to {@code articles.raw}, rejected input to
 * {@code articles.dlq} with its reason and origin, and clock ticks to {@code monitor.clock}. The producer
 * is idempotent with {@code acks=all}, so a retried send never duplicates an article.
 *
 * <p>The broker accepts or refuses a whole batch: one record it will not take (too large for the topic,
 * a timestamp out of its range) fails every record sent with it. So a record whose batch failed is sent
 * again alone, through a second producer that never batches; only a record refused on its own is
 * {@link Delivery.Refused refused}, and the good articles that shared its batch are written. Timeouts and
 * security errors are not retried: they say Kafka cannot be written to at all.
 *
 * <p>{@link #deliver} hands each record's {@link Delivery} to the caller. The older {@link #publish} and
 * {@link #reject} remember a failure instead and raise it at {@link #flush()}, never swallowing it.
 */
public final class ArticlePublisher implements AutoCloseable {
    public static final String REASON_HEADER = DeadLetter.REASON_HEADER;
    public static final String ORIGIN_HEADER = DeadLetter.ORIGIN_HEADER;

    private final Properties props;
    private final Producer<String, byte[]> producer;
    private final Serializer<Article> articles = EventTopics.ARTICLES_RAW.valueSerde().serializer();
    private final Serializer<ClockTick> ticks = EventTopics.MONITOR_CLOCK.valueSerde().serializer();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private KafkaClientMeters meters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object settled = new Object();
    /** Sends records alone after their batch failed; created on the first such failure. */
    private Producer<String, byte[]> alone;
    private ExecutorService retries;

    public ArticlePublisher(String bootstrapServers, Properties userProperties) {
        props = new Properties();
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

    /** The article as the bytes {@link #deliver(Article, byte[])} writes; ingest checks their size first. */
    public byte[] serialize(Article article) {
        return articles.serialize(Topics.ARTICLES_RAW, article);
    }

    /**
     * Sends {@code article} (whose value is {@code value}, from {@link #serialize}) to {@code articles.raw}.
     * Its Kafka timestamp is its publication time, or the ingest time when that is later (an article may
     * be dated a few minutes ahead): a broker refuses timestamps more than
     * {@code message.timestamp.after.max.ms} (1 h by default) in its future.
     */
    public CompletableFuture<Delivery> deliver(Article article, byte[] value) {
        long ingested = article.ingestedAt().toEpochMilli();
        long timestamp = article.publishedAt() == null ? ingested : Math.min(article.publishedAt().toEpochMilli(), ingested);
        return send(new ProducerRecord<>(Topics.ARTICLES_RAW, null, timestamp, article.id(), value));
    }

    /** Sends a dead letter to {@code articles.dlq}, stamped with the time of rejection. */
    public CompletableFuture<Delivery> deliver(DeadLetter letter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_DLQ, null, letter.value());
        letter.writeHeaders(record.headers());
        return send(record);
    }

    /** Sends {@code article}; a failure is raised by the next {@link #flush()}. */
    public void publish(Article article) {
        remember(deliver(article, serialize(article)));
    }

    /** Sends {@code original} to the dead-letter topic; a failure is raised by the next {@link #flush()}. */
    public void reject(byte[] original, String reason, String origin) {
        remember(deliver(DeadLetter.of(original, reason, origin)));
    }

    /**
     * Tells the processor that event time has reached {@code eventTime}, so windows up to it can close.
     * The tick goes to every partition of {@code monitor.clock}: each is read by the processor task of the
     * same {@code articles.raw} partition, and a window closes only once every such task has passed it.
     */
    public void advanceClock(Instant eventTime) {
        byte[] tick = ticks.serialize(Topics.MONITOR_CLOCK, new ClockTick(1, eventTime));
        for (PartitionInfo partition : producer.partitionsFor(Topics.MONITOR_CLOCK)) {
            remember(send(new ProducerRecord<>(Topics.MONITOR_CLOCK, partition.partition(), eventTime.toEpochMilli(),
                    "clock", tick)));
        }
    }

    /** Records sent and not yet acknowledged, refused or failed. */
    public int inFlight() {
        return inFlight.get();
    }

    private CompletableFuture<Delivery> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Delivery> outcome = new CompletableFuture<>();
        inFlight.incrementAndGet();
        outcome.whenComplete((delivery, e) -> settle());
        try {
            producer.send(record, (metadata, e) -> {
                if (e == null) {
                    outcome.complete(acknowledged(metadata));
                } else if (isUnavailable(e)) {
                    outcome.complete(new Delivery.Unavailable(describe(e)));
                } else {
                    retryAlone(record, outcome);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            outcome.complete(isUnavailable(e) ? new Delivery.Unavailable(describe(e)) : new Delivery.Refused(describe(e)));
        }
        return outcome;
    }

    private void retryAlone(ProducerRecord<String, byte[]> record, CompletableFuture<Delivery> outcome) {
        // Not on the producer's I/O thread, which runs this callback: a send from there may block on it.
        soloRetries().execute(() -> {
            try {
                soloProducer().send(record, (metadata, e) -> outcome.complete(e == null ? acknowledged(metadata)
                        : isUnavailable(e) ? new Delivery.Unavailable(describe(e)) : new Delivery.Refused(describe(e))));
            } catch (KafkaException | IllegalStateException e) {
                outcome.complete(new Delivery.Unavailable(describe(e)));
            }
        });
    }

    private synchronized ExecutorService soloRetries() {
        if (retries == null) {
            retries = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ingest-retry-alone");
                t.setDaemon(true);
                return t;
            });
        }
        return retries;
    }

    private synchronized Producer<String, byte[]> soloProducer() {
        if (alone == null) {
            Properties one = new Properties();
            one.putAll(props);
            one.put(ProducerConfig.BATCH_SIZE_CONFIG, 0);
            one.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            one.put(ProducerConfig.CLIENT_ID_CONFIG, props.getProperty(ProducerConfig.CLIENT_ID_CONFIG, "ingest") + "-alone");
            alone = new KafkaProducer<>(one, new StringSerializer(), new ByteArraySerializer());
        }
        return alone;
    }

    private static Delivery acknowledged(RecordMetadata metadata) {
        return new Delivery.Acknowledged(metadata.partition(), metadata.offset());
    }

    private static boolean isUnavailable(Throwable e) {
        return e instanceof TimeoutException || e instanceof AuthenticationException || e instanceof AuthorizationException
                || e instanceof InterruptException || e instanceof IllegalStateException;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void remember(CompletableFuture<Delivery> delivery) {
        delivery.thenAccept(d -> {
            if (d instanceof Delivery.Refused refused) {
                firstFailure.compareAndSet(null, refused.reason());
            } else if (d instanceof Delivery.Unavailable unavailable) {
                firstFailure.compareAndSet(null, unavailable.reason());
            }
        });
    }

    private void settle() {
        inFlight.decrementAndGet();
        synchronized (settled) {
            settled.notifyAll();
        }
    }

    /**
     * Waits until every record sent so far is settled (acknowledged, refused alone, or failed), then throws
     * if a record sent by {@link #publish}, {@link #reject} or {@link #advanceClock} did not get through.
     */
    public void flush() {
        awaitSettled();
        String failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("could not publish to Kafka: " + failure);
        }
    }

    /** Waits until every record sent so far is acknowledged, refused or failed. */
    public void awaitSettled() {
        producer.flush();
        while (inFlight.get() > 0) {
            Producer<String, byte[]> solo;
            synchronized (this) {
                solo = alone;
            }
            if (solo != null) {
                solo.flush();
            }
            // Not held while flushing: the callbacks that settle records take this lock to say so.
            synchronized (settled) {
                if (inFlight.get() > 0) {
                    try {
                        settled.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptException(e);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Sends what is buffered within {@code timeout} and closes. */
    public void close(Duration timeout) {
        if (meters != null) {
            meters.close();
        }
        producer.close(timeout);
        synchronized (this) {
            if (retries != null) {
                retries.shutdown();
            }
            if (alone != null) {
                alone.close(timeout);
            }
        }
    }
}
