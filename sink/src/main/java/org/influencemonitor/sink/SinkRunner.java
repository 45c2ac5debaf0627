package org.influencemonitor.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several channels at once, each an {@link AlertSink} on its own thread, and a stop that is bounded: the
 * attempts in flight get {@code grace} to finish, then they are interrupted, and a channel that still
 * does not end is left behind, its batch uncommitted.
 */
public final class SinkRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

    private final List<AlertSink> sinks;
    private final List<Thread> threads = new ArrayList<>();

    public SinkRunner(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public void start() {
        for (AlertSink sink : sinks) {
            Thread t = new Thread(sink, "sink-" + sink.channel());
            threads.add(t);
            t.start();
        }
    }

    public List<AlertSink> sinks() {
        return sinks;
    }

    /** Returns once every channel's loop has ended on its own (each disabled or failed). */
    public void awaitAllEnded() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Stops every channel within about {@code grace} plus a few seconds, and returns the names of those that
     * had to be left with a delivery in flight.
     */
    public List<String> stop(Duration grace) throws InterruptedException {
        sinks.forEach(AlertSink::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> leftBehind = new ArrayList<>();
        for (AlertSink sink : sinks) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!sink.awaitStopped(left)) {
                LOG.warn("{}: delivery still in flight after {} s; abandoning it uncommitted", sink.channel(),
                        grace.toSeconds());
                sink.abandon();
                if (!sink.awaitStopped(AFTER_INTERRUPT)) {
                    leftBehind.add(sink.channel());
                }
            }
        }
        return leftBehind;
    }

    @Override
    public void close() throws InterruptedException {
        for (AlertSink sink : sinks) {
            sink.close();
        }
    }
}
