package org.influencemonitor.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.influencemonitor.sink.AlertSink;
import org.influencemonitor.sink.JsonLinesFileChannel;
import org.influencemonitor.telemetry.Telemetry;
import org.influencemonitor.telemetry.TelemetryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor sink <channel>}: delivers alerts. */
@Command(name = "sink", description = "Deliver alerts from the alerts topic to a channel.",
        subcommands = {SinkCommand.FileChannel.class})
public class SinkCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a channel, e.g. 'sink file --path FILE'");
    }

    @Command(name = "file", description = "Append every alert as one JSON line to a file, until Ctrl-C.",
            footer = {"", "Example:", "  ./monitor sink file --path alerts.jsonl --bootstrap-servers localhost:9092"})
    static class FileChannel implements Callable<Integer> {
        @Option(names = "--path", required = true, paramLabel = "FILE", description = "The JSON Lines file to append to.")
        Path path;

        @Option(names = "--group-id", defaultValue = AlertSink.DEFAULT_GROUP,
                description = "Consumer group; instances with the same group share the work (default: ${DEFAULT-VALUE}).")
        String groupId;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        MetricsOptions metrics;

        @Override
        public Integer call() throws Exception {
            JsonLinesFileChannel channel;
            try {
                channel = new JsonLinesFileChannel(path);
            } catch (IOException e) {
                throw new UserError("cannot write " + path + ": " + e.getMessage());
            }
            AlertSink sink = new AlertSink(kafka.bootstrapServers(), kafka.clientProperties(), groupId, channel,
                    alert -> System.out.println(AlertText.oneLine(alert)));
            Thread worker = new Thread(sink, "alert-sink");
            Telemetry telemetry = new Telemetry("sink");
            sink.bindMetrics(telemetry.registry());
            TelemetryServer served = metrics.serve("sink", telemetry, worker::isAlive).orElse(null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    sink.close();
                } catch (Exception e) {
                    System.err.println("monitor: sink did not close cleanly: " + e.getMessage());
                }
            }, "sink-shutdown"));
            System.out.println("Delivering alerts from " + kafka.bootstrapServers() + " to " + path + "; Ctrl-C to stop.");
            worker.start();
            worker.join();
            if (served != null) {
                served.close();
            }
            telemetry.close();
            return 0;
        }
    }
}
