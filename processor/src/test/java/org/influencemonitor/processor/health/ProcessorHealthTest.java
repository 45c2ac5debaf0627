package org.influencemonitor.processor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/** The probes' logic on sampled states, lags and counts: no Kafka Streams, no clock but the samples'. */
class ProcessorHealthTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ProcessorHealth health = new ProcessorHealth(
            new ProcessorHealth.Settings(Duration.ofMinutes(5), Duration.ofMinutes(2), 100));

    private static ProcessorHealth.Sample at(long seconds, State state, long lag, long processed) {
        return new ProcessorHealth.Sample(T0.plusSeconds(seconds), state, OptionalLong.of(lag), processed);
    }

    @Test
    void runningAndCaughtUpIsAliveAndReady() {
        assertTrue(health.liveness(at(0, State.RUNNING, 0, 10)).ok());
        ProcessorHealth.Verdict ready = health.readiness(at(1, State.RUNNING, 100, 10));
        assertTrue(ready.ok(), ready.reasons().toString());
        assertEquals("ok", ready.status());
    }

    @Test
    void stoppedOrFailedStreamsAreNotAlive() {
        for (State state : new State[] {State.ERROR, State.PENDING_ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING, State.CREATED}) {
            ProcessorHealth.Verdict v = health.liveness(at(0, state, 0, 0));
            assertFalse(v.ok(), state.name());
            assertEquals(state.name(), v.state());
            assertFalse(v.reasons().isEmpty());
        }
    }

    @Test
    void rebalancingIsAliveButNotReadyAndIsNeverAStall() {
        assertTrue(health.liveness(at(0, State.REBALANCING, 5_000, 0)).ok());
        ProcessorHealth.Verdict later = health.liveness(at(600, State.REBALANCING, 5_000, 0));
        assertTrue(later.ok(), "restoring for ten minutes is not a stall: " + later.reasons());
        assertFalse(health.readiness(at(601, State.REBALANCING, 0, 0)).ok());
    }

    @Test
    void aStreamThreadThatDiedFailsLivenessForAWhileThoughKafkaStreamsStaysRunning() {
        health.threadFailed(T0, "org.apache.kafka.streams.errors.StreamsException: boom");
        ProcessorHealth.Verdict v = health.liveness(at(10, State.RUNNING, 0, 10));
        assertFalse(v.ok());
        assertEquals(1, v.threadFailures());
        assertTrue(v.reasons().get(0).contains("boom"), v.reasons().toString());
        assertFalse(health.readiness(at(11, State.RUNNING, 0, 10)).ok(), "not alive is not ready");
        assertTrue(health.liveness(at(301, State.RUNNING, 0, 10)).ok(), "five minutes later it is forgotten");
        assertEquals(1, health.liveness(at(302, State.RUNNING, 0, 10)).threadFailures(), "but still counted");
    }

    @Test
    void inputWaitingWithNothingProcessedForTwoMinutesIsAStall() {
        assertTrue(health.liveness(at(0, State.RUNNING, 50, 10)).ok());
        assertTrue(health.liveness(at(60, State.RUNNING, 50, 10)).ok(), "a minute is not yet a stall");
        ProcessorHealth.Verdict stalled = health.liveness(at(120, State.RUNNING, 50, 10));
        assertFalse(stalled.ok());
        assertTrue(stalled.reasons().get(0).contains("50 input records are waiting"), stalled.reasons().toString());
        assertTrue(health.liveness(at(130, State.RUNNING, 40, 11)).ok(), "progress again: alive again");
    }

    @Test
    void nothingWaitingIsNeverAStall() {
        health.liveness(at(0, State.RUNNING, 0, 10));
        assertTrue(health.liveness(at(3_600, State.RUNNING, 0, 10)).ok());
    }

    @Test
    void farBehindTheInputIsAliveButNotReady() {
        assertTrue(health.liveness(at(0, State.RUNNING, 5_000, 10)).ok());
        ProcessorHealth.Verdict v = health.readiness(at(1, State.RUNNING, 5_000, 20));
        assertFalse(v.ok());
        assertEquals(5_000L, v.inputLag());
        assertTrue(v.reasons().get(0).startsWith("catching up: 5000"), v.reasons().toString());
    }

    @Test
    void anUnknownLagIsNotReady() {
        ProcessorHealth.Verdict v = health.readiness(new ProcessorHealth.Sample(T0, State.RUNNING, OptionalLong.empty(), 0));
        assertFalse(v.ok());
        assertTrue(health.liveness(new ProcessorHealth.Sample(T0, State.RUNNING, OptionalLong.empty(), 0)).ok());
    }
}
