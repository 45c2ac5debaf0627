package org.influencemonitor.app.sink;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and Ctrl-C start a graceful stop; a second one exits at once. The JVM's own handling runs
 * shutdown hooks and ignores every further signal while they run, which would leave an operator no way
 * to hurry a stop that waits on a hung destination; so the sink handles the signals itself.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** Runs {@code graceful} on its own thread at the first signal. */
    static void install(Runnable graceful) {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                System.out.println("SIG" + signal.getName() + ": stopping; deliveries in flight may finish "
                        + "(SIG" + signal.getName() + " again to exit at once)");
                new Thread(graceful, "sink-stop").start();
            } else {
                System.err.println("monitor: second SIG" + signal.getName()
                        + ": exiting now; deliveries in flight stay uncommitted and come again at the next start");
                Runtime.getRuntime().halt(1);
            }
        };
        boolean term = handle("TERM", handler);
        handle("INT", handler);
        if (!term) {
            // Signals are not ours to handle here (e.g. -Xrs): at least stop gracefully on the JVM's shutdown.
            Runtime.getRuntime().addShutdownHook(new Thread(graceful, "sink-stop"));
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
