package org.influencemonitor.processor.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this processor is alive (liveness, {@code /health}: restart me if not) and ready (readiness,
 * {@code /ready}: send me traffic, count on my answers), from what it observes of itself. Kafka Streams'
 * state alone says too little: a stream thread that dies is replaced and the state stays RUNNING, so a
 * processor failing on every record looked healthy while it enriched nothing. Plain Java: the stream
 * thread's failures are pushed in by the uncaught-exception handler, the state, the input lag and the
 * processed count are sampled at each probe ({@link Sample}).
 */
public final class ProcessorHealth {
    /**
     * @param failureMemory how long a stream thread's failure keeps liveness failing
     * @param stallAfter    how long input may wait, RUNNING, with nothing processed before liveness fails
     * @param readyLag      the most records waiting on the inputs for readiness
     */
    public record Settings(Duration failureMemory, Duration stallAfter, long readyLag) {
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(5), Duration.ofMinutes(2), 1_000);
    }

    /**
     * What a probe sees.
     *
     * @param inputLag  records waiting on the source topics (the consumer's {@code records-lag}, summed); empty
     *                  before the first fetch
     * @param processed records processed so far by every stream thread
     */
    public record Sample(Instant at, KafkaStreams.State state, OptionalLong inputLag, long processed) {
    }

    /** A probe's answer, and its JSON body. */
    public record Verdict(boolean ok, String status, String state, List<String> reasons, Long inputLag,
                          int threadFailures, Instant lastThreadFailure, String lastThreadError) {
    }

    private final Settings settings;
    private int threadFailures;
    private Instant lastFailure;
    private String lastError;
    private long lastProcessed = -1;
    private Instant progressSince;
    private KafkaStreams.State lastState;

    public ProcessorHealth(Settings settings) {
        this.settings = settings;
    }

    public static ProcessorHealth defaults() {
        return new ProcessorHealth(Settings.DEFAULT);
    }

    /** A stream thread died of {@code error} at {@code at} (and was replaced, or not). */
    public synchronized void threadFailed(Instant at, String error) {
        threadFailures++;
        lastFailure = at;
        lastError = error;
    }

    public synchronized int threadFailures() {
        return threadFailures;
    }

    /** Alive: Kafka Streams not stopped or failed, no thread died lately, and not stuck with input waiting. */
    public synchronized Verdict liveness(Sample sample) {
        observe(sample);
        List<String> reasons = new ArrayList<>();
        switch (sample.state()) {
            case CREATED -> reasons.add("Kafka Streams has not been started");
            case ERROR, PENDING_ERROR -> reasons.add("Kafka Streams failed (state " + sample.state() + ")");
            case PENDING_SHUTDOWN, NOT_RUNNING -> reasons.add("Kafka Streams is stopping or stopped (state " + sample.state() + ")");
            default -> {
            }
        }
        if (lastFailure != null && lastFailure.plus(settings.failureMemory()).isAfter(sample.at())) {
            reasons.add("a stream thread died at " + lastFailure + " (" + lastError + "); " + threadFailures
                    + " thread failure(s) since start");
        }
        if (stalled(sample)) {
            reasons.add(sample.inputLag().getAsLong() + " input records are waiting and nothing was processed since "
                    + progressSince);
        }
        return verdict(reasons, sample);
    }

    /** Ready: alive, RUNNING (every task assigned and restored) and caught up with the input. */
    public synchronized Verdict readiness(Sample sample) {
        List<String> reasons = new ArrayList<>(liveness(sample).reasons());
        if (sample.state() == KafkaStreams.State.REBALANCING) {
            reasons.add("Kafka Streams is rebalancing or restoring state");
        }
        if (sample.state() == KafkaStreams.State.RUNNING) {
            if (sample.inputLag().isEmpty()) {
                reasons.add("the input lag is not known yet (no fetch so far)");
            } else if (sample.inputLag().getAsLong() > settings.readyLag()) {
                reasons.add("catching up: " + sample.inputLag().getAsLong() + " input records waiting (ready at "
                        + settings.readyLag() + " or fewer)");
            }
        }
        return verdict(reasons, sample);
    }

    /** Progress is timed only while RUNNING: restoring state after a restart processes nothing and is not a stall. */
    private void observe(Sample sample) {
        boolean running = sample.state() == KafkaStreams.State.RUNNING;
        if (!running || lastState != KafkaStreams.State.RUNNING || sample.processed() != lastProcessed
                || sample.inputLag().orElse(0) == 0) {
            progressSince = sample.at();
        }
        lastProcessed = sample.processed();
        lastState = sample.state();
    }

    private boolean stalled(Sample sample) {
        return sample.state() == KafkaStreams.State.RUNNING && sample.inputLag().orElse(0) > 0
                && !progressSince.plus(settings.stallAfter()).isAfter(sample.at());
    }

    private Verdict verdict(List<String> reasons, Sample sample) {
        return new Verdict(reasons.isEmpty(), reasons.isEmpty() ? "ok" : "failing", sample.state().name(), List.copyOf(reasons),
                sample.inputLag().isPresent() ? sample.inputLag().getAsLong() : null, threadFailures, lastFailure, lastError);
    }
}
