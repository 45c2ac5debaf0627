package org.influencemonitor.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.influencemonitor.app.sink.AlertmanagerCommand;
import org.influencemonitor.app.sink.ChannelCommand;
import org.influencemonitor.app.sink.FileCommand;
import org.influencemonitor.app.sink.PostgresCommand;
import org.influencemonitor.app.sink.SinkConfig;
import org.influencemonitor.app.sink.SlackCommand;
import org.influencemonitor.app.sink.StopOptions;
import org.influencemonitor.app.sink.WebhookCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor sink <channel>} or {@code monitor sink --config FILE}: delivers alerts. */
@Command(name = "sink", description = {
        "Deliver alerts from the alerts topic to one channel (a subcommand) or to several (--config FILE).",
        "Each channel has its own consumer group and retries on its own; offsets are committed only once a channel "
                + "has confirmed, and alerts it gives up on go to alerts.dlq. SIGTERM or Ctrl-C stops within "
                + "--shutdown-timeout; a second one at once."},
        subcommands = {FileCommand.class, WebhookCommand.class, SlackCommand.class, AlertmanagerCommand.class,
                PostgresCommand.class},
        footer = {"", "Examples:", "  ./monitor sink file --path alerts.jsonl --bootstrap-servers localhost:9092",
                "  ./monitor sink --config sinks.yaml --bootstrap-servers localhost:9092   # see README.md, section Sink"})
public class SinkCommand implements Callable<Integer> {
    /** The channel types, by subcommand name: the YAML file's {@code type} field. */
    public static final Map<String, Supplier<ChannelCommand>> CHANNELS = channels();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file listing several channels (fields as the subcommands' options, with underscores).")
    Path config;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StopOptions stop;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws Exception {
        if (config == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "name a channel, e.g. 'sink file --path FILE', or give --config FILE");
        }
        return SinkConfig.run(config, CHANNELS, kafka, stop, metrics);
    }

    private static Map<String, Supplier<ChannelCommand>> channels() {
        Map<String, Supplier<ChannelCommand>> types = new LinkedHashMap<>();
        types.put("file", FileCommand::new);
        types.put("webhook", WebhookCommand::new);
        types.put("slack", SlackCommand::new);
        types.put("alertmanager", AlertmanagerCommand::new);
        types.put("postgres", PostgresCommand::new);
        return java.util.Collections.unmodifiableMap(types);
    }
}
