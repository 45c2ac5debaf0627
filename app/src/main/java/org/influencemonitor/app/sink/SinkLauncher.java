package org.influencemonitor.app.sink;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.influencemonitor.app.AlertText;
import org.influencemonitor.app.KafkaOptions;
import org.influencemonitor.app.StopSignals;
import org.influencemonitor.app.MetricsOptions;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.model.Topics;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.SinkRunner;
import org.influencemonitor.telemetry.Telemetry;
import org.influencemonitor.telemetry.TelemetryServer;

/**
 * Opens the channels, runs each on its own thread until a stop signal, and prints what each one did.
 * Exit code 0 after a requested stop; 1 if every channel ended on its own (disabled or failed).
 */
final class SinkLauncher {
    private SinkLauncher() {
    }

    static int run(KafkaOptions kafka, List<ChannelPlan> plans, Duration shutdownTimeout, boolean prefixed)
            throws InterruptedException {
        return run(kafka, plans, shutdownTimeout, prefixed, null);
    }

    /** As above, serving the sinks' meters on {@code --metrics-port} when {@code metrics} asks for it. */
    static int run(KafkaOptions kafka, List<ChannelPlan> plans, Duration shutdownTimeout, boolean prefixed,
                   MetricsOptions metrics) throws InterruptedException {
        try (Telemetry telemetry = new Telemetry("sink")) {
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            TelemetryServer served = metrics == null ? null : metrics.serve("sink", telemetry, running::get).orElse(null);
            try {
                return runWith(kafka, plans, shutdownTimeout, prefixed, telemetry.registry());
            } finally {
                running.set(false);
                if (served != null) {
                    served.close();
                }
            }
        }
    }

    private static int runWith(KafkaOptions kafka, List<ChannelPlan> plans, Duration shutdownTimeout, boolean prefixed,
                               MeterRegistry registry) throws InterruptedException {
        Properties client = kafka.clientProperties();
        List<AlertChannel> opened = new ArrayList<>();
        List<AlertSink> sinks = new ArrayList<>();
        try {
            for (ChannelPlan plan : plans) {
                AlertChannel channel = plan.opener().get();
                opened.add(channel);
                String prefix = prefixed ? plan.settings().channel() + ": " : "";
                sinks.add(new AlertSink(plan.settings(), kafka.bootstrapServers(), client, channel, registry,
                        alert -> System.out.println(prefix + AlertText.oneLine(alert))));
            }
            // After the channels, whose mistakes (a missing secret, a bad URL) are quicker to tell than Kafka's.
            TopicSetup.ensureTopicLike(kafka.bootstrapServers(), client, Topics.ALERTS_DLQ, Topics.ALERTS);
        } catch (RuntimeException e) {
            opened.forEach(AlertChannel::close);
            throw e;
        }
        SinkRunner runner = new SinkRunner(sinks);
        CountDownLatch stopped = new CountDownLatch(1);
        StopSignals.install("stopping; deliveries in flight may finish",
                "exiting now; deliveries in flight stay uncommitted and come again at the next start", 1, () -> {
            try {
                List<String> abandoned = runner.stop(shutdownTimeout);
                if (!abandoned.isEmpty()) {
                    System.out.println("Left with deliveries in flight (uncommitted): " + String.join(", ", abandoned));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        });
        System.out.println("Delivering alerts from " + kafka.bootstrapServers() + " to " + sinks.size() + " channel(s): "
                + sinks.stream().map(s -> s.channel() + " (" + opened.get(sinks.indexOf(s)).describe() + ", group "
                + plans.get(sinks.indexOf(s)).settings().groupId() + ")").collect(Collectors.joining(", "))
                + "; Ctrl-C to stop.");
        runner.start();
        runner.awaitAllEnded();
        boolean requested = stopped.getCount() == 0 || sinks.stream().anyMatch(s -> s.outcome() == AlertSink.Outcome.STOPPED
                || s.outcome() == AlertSink.Outcome.ABANDONED);
        if (requested) {
            stopped.await();
        }
        opened.forEach(AlertChannel::close);
        for (AlertSink s : sinks) {
            System.out.println("Sink " + s.channel() + ": " + s.metrics().deliveredCount() + " delivered, "
                    + s.metrics().retryCount() + " retries, " + s.metrics().deadLetterCount() + " to " + Topics.ALERTS_DLQ
                    + " (" + s.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return requested ? 0 : 1;
    }
}
