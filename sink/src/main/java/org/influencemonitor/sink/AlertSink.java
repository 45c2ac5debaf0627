package org.influencemonitor.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Topics;
import org.influencemonitor.telemetry.KafkaClientMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel fed from {@code alerts}: its own consumer group, its own poll loop on its own thread, so
 * that a channel that is down is retried without holding any other. Offsets are committed only after the
 * channel has confirmed a batch, or after the records it gave up on are safely in {@code alerts.dlq}:
 * at-least-once from Kafka, and once in effect at the channel, which deduplicates by {@link EventKey}.
 * Reads with {@code read_committed}, so alerts from an aborted processor transaction are never delivered.
 *
 * <p>While a batch waits between attempts, the loop keeps polling with every partition paused: the group
 * membership stays alive however long the backoff, and a rebalance in the meantime is handled, not
 * missed. {@link #requestStop()} lets an attempt in flight finish and abandons the batch instead of
 * waiting for another attempt; {@link #abandon()} interrupts the attempt itself. Either way the batch stays
 * uncommitted and comes again at the next start.
 */
public final class AlertSink implements Runnable, AutoCloseable {
    public static final String DEFAULT_GROUP = "monitor-sink-file";
    private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final Duration DLQ_RETRY = Duration.ofSeconds(5);

    /** The channel's name (metrics tag, dead-letter header, log lines), its consumer group and its retries. */
    public record Settings(String channel, String groupId, RetryPolicy retry) {
    }

    /** How the loop ended, once it has. */
    public enum Outcome { RUNNING, STOPPED, ABANDONED, DISABLED, FAILED }

    private final Settings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AlertChannel channel;
    private final DeadLetterPublisher deadLetters;
    private final SinkMetrics metrics;
    private final KafkaClientMeters clientMeters;
    private final Consumer<Alert> onDelivered;
    private final AlertReader reader = new AlertReader();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Map<TopicPartition, Long> restoreUntil = new HashMap<>();
    private final Set<TopicPartition> revokedDuringBatch = new HashSet<>();
    private volatile boolean stopping;
    private volatile Thread worker;
    private volatile Outcome outcome = Outcome.RUNNING;
    private boolean delivering;

    /** A file-style sink with the default retries and its own meter registry (the demo's). */
    public AlertSink(String bootstrapServers, Properties userProperties, String groupId, AlertChannel channel,
                     Consumer<Alert> onDelivered) {
        this(new Settings(groupId, groupId, RetryPolicy.DEFAULT), bootstrapServers, userProperties, channel,
                new SimpleMeterRegistry(), onDelivered);
    }

    public AlertSink(Settings settings, String bootstrapServers, Properties userProperties, AlertChannel channel,
                     MeterRegistry registry, Consumer<Alert> onDelivered) {
        Properties props = new Properties();
        props.putAll(userProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "monitor-sink-" + settings.channel());
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new DeadLetterPublisher(bootstrapServers, userProperties, settings.channel());
        this.channel = channel;
        this.metrics = new SinkMetrics(registry, settings.channel());
        this.clientMeters = KafkaClientMeters.of(consumer, registry);
        this.onDelivered = onDelivered;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an AlertSink runs once");
        }
        worker = Thread.currentThread();
        try {
            consumer.subscribe(List.of(Topics.ALERTS), new Rebalance());
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                tick();
                if (records.isEmpty()) {
                    commitPastTransactionMarkers();
                } else {
                    handle(records);
                }
            }
            commitPastTransactionMarkers();
            outcome = Outcome.STOPPED;
        } catch (Abandoned | InterruptedException | InterruptException e) {
            Thread.interrupted();
            outcome = Outcome.ABANDONED;
            LOG.warn("{}: stopped with a delivery in flight; its alerts stay uncommitted and come again at the next start",
                    settings.channel());
        } catch (ChannelDisabled e) {
            outcome = Outcome.DISABLED;
            metrics.disabled();
            LOG.error("{}: CHANNEL DISABLED: {}. Nothing more is delivered to {}; its alerts stay uncommitted in "
                    + "consumer group {} and are delivered once the sink is restarted with a working destination.",
                    settings.channel(), e.getMessage(), channel.describe(), settings.groupId());
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            LOG.error("{}: stopped: {}", settings.channel(), e.toString(), e);
        } finally {
            try {
                clientMeters.close();
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.warn("{}: consumer did not close cleanly: {}", settings.channel(), e.getMessage());
            }
            deadLetters.close();
            stopped.countDown();
        }
    }

    private void tick() throws InterruptedException {
        try {
            channel.tick(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("{}: periodic work failed: {}", settings.channel(), e.toString());
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) throws Abandoned, ChannelDisabled, InterruptedException {
        revokedDuringBatch.clear();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        List<DeliveredAlert> fresh = new ArrayList<>();
        Map<DeliveredAlert, ConsumerRecord<byte[], byte[]>> sources = new IdentityHashMap<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            AlertReader.Result result = reader.read(record);
            if (isHistory(tp, record.offset())) {
                if (result instanceof AlertReader.Readable ok) {
                    ((IncidentHistoryChannel) channel).restore(ok.alert());
                }
                continue;
            }
            next.put(tp, new OffsetAndMetadata(record.offset() + 1));
            first.putIfAbsent(tp, record.offset());
            if (result instanceof AlertReader.Readable ok) {
                fresh.add(ok.alert());
                sources.put(ok.alert(), record);
            } else {
                String reason = ((AlertReader.Unreadable) result).reason();
                LOG.warn("{}: {} is not an alert this sink can deliver ({}); sent to {}", settings.channel(),
                        origin(record), reason, Topics.ALERTS_DLQ);
                dead.add(new DeadLetter(record, DeadLetter.Failure.INVALID, reason, 0));
            }
        }
        List<DeadLetter> undeliverable = fresh.isEmpty() ? List.of() : deliverWithRetries(fresh, sources);
        dead.addAll(undeliverable);
        try {
            deadLetters.publish(dead);
        } catch (KafkaException e) {
            LOG.warn("{}: {}; the batch stays uncommitted and is read again in {} s", settings.channel(), e.getMessage(),
                    DLQ_RETRY.toSeconds());
            first.forEach(consumer::seek);
            pausedWait(DLQ_RETRY);
            return;
        }
        commit(next);
        dead.forEach(d -> metrics.deadLettered(d.failure()));
        Set<ConsumerRecord<byte[], byte[]>> failed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        undeliverable.forEach(d -> failed.add(d.record()));
        List<DeliveredAlert> done = fresh.stream().filter(a -> !failed.contains(sources.get(a))).toList();
        metrics.delivered(done.size());
        done.forEach(a -> onDelivered.accept(a.alert()));
    }

    private boolean isHistory(TopicPartition tp, long offset) {
        Long until = restoreUntil.get(tp);
        if (until == null) {
            return false;
        }
        if (offset + 1 >= until) {
            restoreUntil.remove(tp);
        }
        return offset < until;
    }

    /**
     * Delivers the batch, retrying with backoff; once the policy gives up, each alert is tried once alone, so
     * that one alert the destination refuses does not take the others to the dead-letter topic with it.
     * Returns what could not be delivered.
     */
    private List<DeadLetter> deliverWithRetries(List<DeliveredAlert> batch,
                                                Map<DeliveredAlert, ConsumerRecord<byte[], byte[]>> sources)
            throws Abandoned, ChannelDisabled, InterruptedException {
        long start = System.nanoTime();
        int failed = 0;
        DeliveryException last;
        delivering = true;
        try {
            while (true) {
                DeliveryException e = attempt(batch);
                if (e == null) {
                    return List.of();
                }
                last = e;
                failed++;
                if (e.kind() == DeliveryException.Kind.PERMANENT) {
                    break;
                }
                Duration wait = settings.retry().backoff(failed, e.retryAfter().orElse(null),
                        ThreadLocalRandom.current()::nextDouble);
                if (!settings.retry().allowsAnother(failed, Duration.ofNanos(System.nanoTime() - start), wait)) {
                    break;
                }
                metrics.retried();
                LOG.warn("{}: attempt {} failed for {} alert(s): {}; next attempt in {} ms", settings.channel(), failed,
                        batch.size(), e.getMessage(), wait.toMillis());
                pausedWait(wait);
            }
            if (batch.size() == 1) {
                return List.of(giveUp(batch.get(0), sources, last, failed));
            }
            LOG.warn("{}: giving up on a batch of {} after {} attempt(s) ({}); trying each alert once alone",
                    settings.channel(), batch.size(), failed, last.getMessage());
            List<DeadLetter> dead = new ArrayList<>();
            for (DeliveredAlert alert : batch) {
                if (stopping) {
                    throw new Abandoned();
                }
                DeliveryException e = attempt(List.of(alert));
                if (e != null) {
                    dead.add(giveUp(alert, sources, e, failed + 1));
                }
            }
            return dead;
        } finally {
            delivering = false;
            consumer.resume(consumer.paused());
        }
    }

    /** One attempt: null on success, the failure otherwise; a bug in a channel counts as a retryable failure. */
    private DeliveryException attempt(List<DeliveredAlert> batch) throws ChannelDisabled, InterruptedException {
        try {
            channel.deliver(batch);
            return null;
        } catch (DeliveryException e) {
            if (e.kind() == DeliveryException.Kind.DISABLED) {
                throw new ChannelDisabled(e.getMessage());
            }
            return e;
        } catch (RuntimeException e) {
            LOG.warn("{}: delivery failed unexpectedly", settings.channel(), e);
            return DeliveryException.retryable(e.toString(), e);
        }
    }

    private DeadLetter giveUp(DeliveredAlert alert, Map<DeliveredAlert, ConsumerRecord<byte[], byte[]>> sources,
                              DeliveryException e, int attempts) {
        LOG.error("{}: could not deliver {} ({} {} {}) after {} attempt(s): {}; sent to {}", settings.channel(),
                alert.origin(), alert.alert().rule(), alert.alert().country(), alert.key(), attempts, e.getMessage(),
                Topics.ALERTS_DLQ);
        return new DeadLetter(sources.get(alert), DeadLetter.Failure.UNDELIVERABLE, e.getMessage(), attempts);
    }

    /** Waits with every partition paused, polling so that the group keeps this member; stops early on a stop. */
    private void pausedWait(Duration wait) throws Abandoned {
        consumer.pause(consumer.assignment());
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            if (stopping) {
                throw new Abandoned();
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(Duration.ofNanos(Math.min(left, POLL.toNanos())));
            // Everything is paused, so nothing should come; if it does, it is read again after the wait.
            for (TopicPartition tp : unexpected.partitions()) {
                consumer.seek(tp, unexpected.records(tp).get(0).offset());
            }
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> next) {
        Set<TopicPartition> owned = consumer.assignment();
        next.keySet().removeIf(tp -> revokedDuringBatch.contains(tp) || !owned.contains(tp));
        if (next.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(next);
            next.forEach((tp, offset) -> committed.put(tp, offset.offset()));
        } catch (KafkaException e) {
            if (!(e instanceof RetriableException) && !(e instanceof org.apache.kafka.clients.consumer.CommitFailedException)
                    && !(e instanceof org.apache.kafka.common.errors.RebalanceInProgressException)) {
                throw e;
            }
            // The batch is delivered; whoever reads these partitions next gets it again and the channel
            // recognises it, so a lost commit costs a re-read, never a duplicate.
            LOG.warn("{}: offsets not committed ({}); the batch will be read again and recognised as delivered",
                    settings.channel(), e.getMessage());
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
            if (restoreUntil.containsKey(tp)) {
                continue;
            }
            long position = consumer.position(tp);
            Long last = committed.get(tp);
            if (last == null || last < position) {
                moved.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (!moved.isEmpty()) {
            revokedDuringBatch.clear();
            commit(moved);
        }
    }

    private static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Records partitions that move, and replays history to a channel that needs it. Runs inside poll. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            revokedDuringBatch.addAll(partitions);
            partitions.forEach(tp -> {
                committed.remove(tp);
                restoreUntil.remove(tp);
            });
            if (channel instanceof IncidentHistoryChannel history && !partitions.isEmpty()) {
                history.forget(partitions.stream().map(TopicPartition::partition).toList());
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (delivering) {
                consumer.pause(partitions);
            }
            if (!(channel instanceof IncidentHistoryChannel) || partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = consumer.committed(new HashSet<>(partitions));
            List<TopicPartition> replay = new ArrayList<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null && offset.offset() > 0) {
                    restoreUntil.put(tp, offset.offset());
                    committed.put(tp, offset.offset());
                    replay.add(tp);
                }
            });
            if (!replay.isEmpty()) {
                consumer.seekToBeginning(replay);
                LOG.info("{}: restoring open incidents from {} before delivering", settings.channel(), restoreUntil);
            }
        }
    }

    public String channel() {
        return settings.channel();
    }

    public SinkMetrics metrics() {
        return metrics;
    }

    public long delivered() {
        return metrics.deliveredCount();
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Ends the loop after the attempt in flight, if any; a batch waiting for another attempt is abandoned. */
    public void requestStop() {
        stopping = true;
    }

    /** Interrupts the attempt in flight: for a stop that must not wait any longer. */
    public void abandon() {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** True once the loop has ended and the consumer has left its group. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the loop, waits for the consumer to leave its group, and closes the channel. */
    @Override
    public void close() throws InterruptedException {
        requestStop();
        if (started.compareAndSet(false, true)) {
            clientMeters.close();
            consumer.close(); // never ran: nothing else will close it
            deadLetters.close();
        } else if (!awaitStopped(CLOSE_WAIT)) {
            abandon();
            awaitStopped(Duration.ofSeconds(5));
        }
        channel.close();
    }

    private static final class Abandoned extends Exception {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private static final class ChannelDisabled extends Exception {
        ChannelDisabled(String message) {
            super(message, null, false, false);
        }
    }
}
