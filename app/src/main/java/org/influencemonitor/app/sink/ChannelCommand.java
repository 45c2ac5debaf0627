package org.influencemonitor.app.sink;

import java.util.List;
import java.util.concurrent.Callable;
import org.influencemonitor.app.KafkaOptions;
import org.influencemonitor.app.MetricsOptions;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.AlertSink;
import picocli.CommandLine.Mixin;

/**
 * {@code monitor sink CHANNEL ...}: one channel until SIGTERM or Ctrl-C. The same classes read the
 * channels of a {@code --config} file, so the YAML fields are these options, spelt with underscores.
 */
public abstract class ChannelCommand implements Callable<Integer> {
    @Mixin
    ChannelOptions channel;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StopOptions stop;

    @Mixin
    MetricsOptions metrics;

    /** The channel type, also the subcommand's name. */
    abstract String type();

    /** Opens the destination; a mistake the user can fix is a UserError. */
    abstract AlertChannel open();

    final ChannelPlan plan() {
        String name = channel.name(type());
        return new ChannelPlan(new AlertSink.Settings(name, channel.groupId(type()), channel.retry()), this::open);
    }

    @Override
    public Integer call() throws Exception {
        return SinkLauncher.run(kafka, List.of(plan()), stop.shutdownTimeout, false, metrics);
    }
}
