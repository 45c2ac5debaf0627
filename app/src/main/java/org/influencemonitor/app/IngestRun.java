package org.influencemonitor.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.IngestTally;
import org.influencemonitor.ingest.RecentIds;

/**
 * One run of an ingest source: the publisher and intake it sends through, and its end. On SIGTERM or
 * Ctrl-C the source is asked to stop; it stops reading, waits for Kafka to settle what it sent and prints
 * its summary. Should it not manage within {@link #GRACE} (blocked reading standard input, say), the
 * shutdown hook closes the producer with a timeout, which settles every record sent one way or the other,
 * and prints the summary itself: the counts add up either way, and are printed once. (A source that must
 * first answer requests in progress gets a longer grace.)
 */
final class IngestRun implements AutoCloseable {
    /** How long a file source gets to wind down after SIGTERM: the record in hand, then the flush. */
    static final Duration GRACE = Duration.ofSeconds(2);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ArticlePublisher publisher;
    private final org.influencemonitor.telemetry.Telemetry telemetry = new org.influencemonitor.telemetry.Telemetry("ingest");
    private final org.influencemonitor.telemetry.TelemetryServer metricsServer;
    private final Intake intake;
    private final PrintWriter out;
    private final String title;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean printed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final Duration grace;
    private volatile Supplier<String> summary;

    IngestRun(KafkaOptions kafka, IngestOptions options, PrintWriter out, String title) {
        this(kafka, options, out, title, GRACE);
    }

    IngestRun(KafkaOptions kafka, IngestOptions options, PrintWriter out, String title, Duration grace) {
        this.grace = grace;
        this.publisher = new ArticlePublisher(kafka.bootstrapServers(), kafka.clientProperties());
        publisher.bindMetrics(telemetry.registry());
        this.metricsServer = options.metrics == null ? null : options.metrics.serve("ingest", telemetry, () -> !stop.get()).orElse(null);
        this.intake = new Intake(publisher, options.rules(), new RecentIds(RecentIds.DEFAULT_CAPACITY));
        this.out = out;
        this.title = title;
        this.summary = () -> describe(intake.counts().tally());
        this.hook = new Thread(this::onSignal, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Intake intake() {
        return intake;
    }

    ArticlePublisher publisher() {
        return publisher;
    }

    boolean stopRequested() {
        return stop.get();
    }

    /** Replaces the default summary (the intake's counts) with a source's own, e.g. one that names its unit. */
    void summary(Supplier<String> text) {
        this.summary = text;
    }

    /** Prints the summary unless the shutdown hook already has. */
    void printSummary() {
        if (printed.compareAndSet(false, true)) {
            out.println(title + ": " + summary.get());
            out.flush();
        }
    }

    /** Blocks until asked to stop (services that run until SIGTERM). */
    void awaitStop() throws InterruptedException {
        while (!stop.get()) {
            awaitStop(Duration.ofSeconds(1));
        }
    }

    /** Blocks until asked to stop or until {@code timeout} has passed, whichever comes first. */
    void awaitStop(Duration timeout) throws InterruptedException {
        synchronized (stop) {
            if (!stop.get()) {
                stop.wait(Math.max(1, timeout.toMillis()));
            }
        }
    }

    static String describe(IngestTally tally) {
        return "read " + tally.read() + ": " + tally;
    }

    private void onSignal() {
        stop.set(true);
        synchronized (stop) {
            stop.notifyAll();
        }
        try {
            if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                publisher.close(CLOSE_TIMEOUT);
                printSummary();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            publisher.close(CLOSE_TIMEOUT);
        } finally {
            if (metricsServer != null) {
                metricsServer.close();
            }
            telemetry.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the countdown above and returns.
            }
        }
    }
}
