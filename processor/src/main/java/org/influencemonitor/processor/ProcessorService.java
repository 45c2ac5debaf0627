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

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile KafkaStreams.State lastState = KafkaStreams.State.CREATED;

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
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            lastState = now;
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
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

    /** The running Kafka Streams, for interactive queries (the query API); not to be closed by callers. */
    public KafkaStreams streams() {
        return streams;
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
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
