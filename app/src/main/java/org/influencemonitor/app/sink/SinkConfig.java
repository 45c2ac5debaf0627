package org.influencemonitor.app.sink;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.influencemonitor.app.KafkaOptions;

/** {@code monitor sink --config FILE}: every channel of the file, in one process. */
public final class SinkConfig {
    private SinkConfig() {
    }

    public static int run(Path file, Map<String, Supplier<ChannelCommand>> types, KafkaOptions kafka, StopOptions stop)
            throws InterruptedException {
        return run(file, types, kafka, stop, null);
    }

    /** As above, with the sinks' meters on {@code --metrics-port} when {@code metrics} asks for it. */
    public static int run(Path file, Map<String, Supplier<ChannelCommand>> types, KafkaOptions kafka, StopOptions stop,
                          org.influencemonitor.app.MetricsOptions metrics) throws InterruptedException {
        return SinkLauncher.run(kafka, SinksFile.read(file, types), stop.shutdownTimeout, true, metrics);
    }
}
