package org.influencemonitor.app.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code monitor broker} as a child process on a fixed port with a kept data directory, so that it can be
 * stopped and started again at the same address with its topics, offsets and transactions, as a broker
 * restart in production: clients reconnect to the address they had.
 */
final class ChildBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String READY = "Kafka broker ready at";

    private final int port;
    private final Path dataDir;
    private final Path log;
    private ChildProcess process;
    private int starts;

    private ChildBroker(int port, Path dataDir, Path log) {
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    static ChildBroker start(Path runDir) {
        ChildBroker broker = new ChildBroker(freePort(), runDir.resolve("kafka"), runDir.resolve("broker.log"));
        broker.startAgain();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) on its port and data directory and waits until it takes clients. */
    void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        starts++;
        process = ChildProcess.start("broker", List.of("broker", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString()), log, false);
        // Each start appends to the same log: wait for this start's line, not an earlier one's.
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (process.output().split(READY, -1).length - 1 < starts) {
            if (!process.isAlive()) {
                throw new ChaosFailure("the broker exited at start " + starts + ": " + process.lastLine() + " (log: " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new ChaosFailure("the broker did not start within " + START_TIMEOUT.toSeconds() + " s (log: " + log + ")");
            }
            Pause.millis(100);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM: the broker closes its logs cleanly, as a rolling restart does. */
    void stop() {
        process.terminate(Duration.ofSeconds(60));
    }

    /** SIGKILL: the broker recovers its logs at the next start. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ChaosFailure("cannot find a free port: " + e.getMessage());
        }
    }
}
