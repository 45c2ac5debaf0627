package org.influencemonitor.app;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and Ctrl-C start a graceful stop; a second one exits at once. The JVM's own handling runs
 * shutdown hooks and ignores every further signal while they run, which would leave an operator no way
 * to hurry a stop that waits on a hung destination or a slow close; and a JVM that exits while a shutdown
 * hook merely wakes the main thread does not wait for the main thread's cleanup (Kafka Streams' commit,
 * producers' flushes). So the long-running commands handle the signals themselves: the graceful stop runs,
 * the command returns, and only then does the JVM exit.
 */
public final class StopSignals {
    /** The exit code of a stop forced by a second signal, as shells report a process ended by SIGINT. */
    public static final int FORCED_EXIT = 130;

    private StopSignals() {
    }

    /**
     * Runs {@code graceful} on its own thread at the first signal, printing {@code stopping}; at the second
     * prints {@code forced} to standard error and halts with {@code forcedExitCode}.
     */
    public static void install(String stopping, String forced, int forcedExitCode, Runnable graceful) {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                System.out.println("SIG" + signal.getName() + ": " + stopping + " (SIG" + signal.getName()
                        + " again to exit at once)");
                new Thread(graceful, "graceful-stop").start();
            } else {
                System.err.println("monitor: second SIG" + signal.getName() + ": " + forced);
                Runtime.getRuntime().halt(forcedExitCode);
            }
        };
        boolean term = handle("TERM", handler);
        handle("INT", handler);
        if (!term) {
            // Signals are not ours to handle here (e.g. -Xrs): at least stop gracefully on the JVM's shutdown.
            Runtime.getRuntime().addShutdownHook(new Thread(graceful, "graceful-stop"));
        }
    }

    private static boolean handle(String name, SignalHandler handler) {
        try {
            Signal.handle(new Signal(name), handler);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
