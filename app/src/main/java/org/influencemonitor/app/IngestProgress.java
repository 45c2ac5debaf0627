package org.influencemonitor.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.influencemonitor.ingest.IngestTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a file ingest has got: on a terminal a bar redrawn in place on standard error (articles per
 * second, published, rejected, and the ETA when the size is known); elsewhere, as in CI or under docker,
 * where a redrawn line would be noise in the log, a plain log line every few seconds.
 */
final class IngestProgress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestProgress.class);
    static final Duration BAR_REFRESH = Duration.ofMillis(250);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    /** How progress is shown: {@code auto} picks {@code bar} on a terminal and {@code log} elsewhere. */
    enum Mode { AUTO, BAR, LOG, OFF }

    private final ScheduledExecutorService timer;
    private final PrintStream terminal;
    private final boolean bar;

    private IngestProgress(ScheduledExecutorService timer, PrintStream terminal, boolean bar) {
        this.timer = timer;
        this.terminal = terminal;
        this.bar = bar;
    }

    /**
     * @param bytesRead  bytes of the input consumed so far (of the file as stored, compressed or not)
     * @param totalBytes the input's size, or -1 when unknown (standard input)
     */
    static IngestProgress start(Mode mode, Duration logInterval, String name, Supplier<IngestTally> tally,
                                LongSupplier bytesRead, long totalBytes) {
        Mode chosen = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.LOG) : mode;
        if (chosen == Mode.OFF) {
            return new IngestProgress(null, null, false);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-progress");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        boolean bar = chosen == Mode.BAR;
        PrintStream err = System.err;
        Duration every = bar ? BAR_REFRESH : logInterval;
        timer.scheduleAtFixedRate(() -> {
            String line = line(tally.get(), bytesRead.getAsLong(), totalBytes, Duration.ofNanos(System.nanoTime() - started), bar);
            if (bar) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
            } else {
                LOG.info("{}: {}", name, line);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new IngestProgress(timer, err, bar);
    }

    /** One progress report; with {@code bar} a 20-character bar in front when the size is known. */
    static String line(IngestTally tally, long bytesRead, long totalBytes, Duration elapsed, boolean bar) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder s = new StringBuilder();
        boolean sized = totalBytes > 0;
        double fraction = sized ? Math.min(1.0, bytesRead / (double) totalBytes) : 0;
        if (sized && bar) {
            int filled = (int) Math.round(fraction * 20);
            s.append('[').append("#".repeat(filled)).append("-".repeat(20 - filled)).append("] ");
        }
        if (sized) {
            s.append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100));
        }
        s.append(String.format(Locale.ROOT, "%,d read, %,d published, %,d rejected, %,.0f/s", tally.read(), tally.published(),
                tally.rejected(), tally.read() / seconds));
        if (sized && fraction > 0 && fraction < 1) {
            long remaining = Math.round(seconds * (1 - fraction) / fraction);
            s.append(String.format(Locale.ROOT, ", ETA %d:%02d", remaining / 60, remaining % 60));
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            if (bar) {
                terminal.print("\r\u001b[K");
                terminal.flush();
            }
        }
    }
}
