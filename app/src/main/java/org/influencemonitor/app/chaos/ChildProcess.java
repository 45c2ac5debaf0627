package org.influencemonitor.app.chaos;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.influencemonitor.app.MonitorChild;

/**
 * A {@code monitor} subcommand in a JVM of its own ({@link MonitorChild}), so that the fault suite can kill
 * it with a real SIGKILL ({@link #kill()}) or stop it with SIGTERM ({@link #terminate}). Its log is appended
 * to, so a restarted child adds to the same file.
 */
final class ChildProcess implements AutoCloseable {
    /** A child JVM runs a few thousand articles: C1 alone starts it seconds sooner on two busy cores. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final MonitorChild child;

    private ChildProcess(MonitorChild child) {
        this.child = child;
    }

    /** Starts {@code monitor ARGS...}; with {@code pipeStdin} its standard input is {@link #stdin()}. */
    static ChildProcess start(String name, List<String> monitorArgs, Path log, boolean pipeStdin) {
        return new ChildProcess(MonitorChild.start(name, JVM_OPTIONS, monitorArgs, log,
                pipeStdin ? MonitorChild.Io.PIPED_APPENDING : MonitorChild.Io.APPENDING, ChaosFailure::new));
    }

    String name() {
        return child.name();
    }

    OutputStream stdin() {
        return child.stdin();
    }

    boolean isAlive() {
        return child.isAlive();
    }

    /** Waits until the child has written {@code marker} to its output, i.e. it is up. */
    void awaitOutput(String marker, Duration timeout) {
        child.awaitOutput(marker, timeout);
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) {
        return child.awaitExit(timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, no commit; whatever was in flight is abandoned. */
    void kill() {
        child.kill();
    }

    /** SIGTERM, then SIGKILL if the child has not exited within {@code grace}; returns the exit code. */
    int terminate(Duration grace) {
        return child.terminate(grace);
    }

    String output() {
        return child.output();
    }

    String lastLine() {
        return child.lastLine();
    }

    @Override
    public void close() {
        child.stop(Duration.ofSeconds(20));
    }
}
