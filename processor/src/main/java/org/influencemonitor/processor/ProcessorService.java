package org.influencemonitor.processor;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.influencemonitor.processor.health.ProcessorHealth;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.influencemonitor.processor.windows.SourceLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the monitor topology with Kafka Streams: start, wait until it is processing, and close cleanly
 * (committing the open transaction) on shutdown. An error that exception handlers did not absorb
 * replaces the failed stream thread rather than silently stopping processing.
 */
public final class ProcessorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);

    /** How long a close may take to commit, close the stores and leave the group. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile KafkaStreams.State lastState = KafkaStreams.State.CREATED;
    private final ProcessorHealth health = ProcessorHealth.defaults();

    public ProcessorService(Topology topology, Properties streamsProperties) {
        this(topology, streamsProperties, null, PipelineMeters.none());
    }

    /**
     * @param registry where Kafka Streams' own metrics (and its clients', e.g. the consumer's
     *                 {@code records-lag}) are bound as meters until {@link #close()}; null for none
     * @param meters   the topology's meters, for the dead-letter handlers Kafka Streams creates
     */
    public ProcessorService(Topology topology, Properties streamsProperties, MeterRegistry registry, PipelineMeters meters) {
        Properties props = new Properties();
        props.putAll(streamsProperties);
        props.put(PipelineMeters.CONFIG, meters);
        SourceLag lag = new SourceLag();
        props.put(SourceLag.CONFIG, lag);
        BrokenLocalState.discard(props);
        this.streams = new KafkaStreams(topology, props);
        lag.attach(streams::metrics);
        this.streamsMetrics = registry == null ? null : new KafkaStreamsMetrics(streams);
        if (streamsMetrics != null) {
            streamsMetrics.bindTo(registry);
        }
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed, replacing it: {}", e.toString(), e);
            health.threadFailed(java.time.Instant.now(), rootCause(e).toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setGlobalStateRestoreListener(new RestoreLog());
        streams.setStateListener((now, before) -> {
            lastState = now;
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
    }

    /** What a failure comes down to: Kafka Streams wraps it, with a whole stack trace in the wrapper's message. */
    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    public void start() {
        streams.start();
    }

    /** Blocks until every task is assigned and processing; throws if that does not happen in time. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + timeout
                    + " (state " + lastState + "); is the broker reachable and are the topics there?");
        }
    }

    /**
     * As {@link #awaitRunning(Duration)}, giving up early (false) once {@code stop} is counted down, so that a
     * stop requested while the processor is still joining its group or restoring state need not wait.
     */
    public boolean awaitRunning(Duration timeout, CountDownLatch stop) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.await(100, TimeUnit.MILLISECONDS)) {
            if (stop.getCount() == 0) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                awaitRunning(Duration.ZERO);
            }
        }
        return true;
    }

    /** The running Kafka Streams, for interactive queries (the query API); not to be closed by callers. */
    public KafkaStreams streams() {
        return streams;
    }

    /** What this processor knows of its own health: every stream thread that died, for the probes. */
    public ProcessorHealth health() {
        return health;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops processing, commits, and leaves the consumer group, so that the partitions move to the other
     * instances at once instead of after the session timeout.
     */
    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        long start = System.nanoTime();
        // A clean close commits with the stores' changelog offsets (without them, exactly-once wipes a store
        // at the next start and restores it from its changelog) and leaves the group, so that the next start
        // does not wait for this member's session to time out.
        boolean closed = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (closed) {
            LOG.info("Kafka Streams closed cleanly in {} ms", ms);
        } else {
            LOG.warn("Kafka Streams did not close within {} (state {}); its state is restored from the changelogs at "
                    + "the next start", CLOSE_TIMEOUT, streams.state());
        }
    }
}
