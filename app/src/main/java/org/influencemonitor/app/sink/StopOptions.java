package org.influencemonitor.app.sink;

import java.time.Duration;
import org.influencemonitor.app.DurationConverter;
import picocli.CommandLine.Option;

/** How long a stop waits for the deliveries in flight before it abandons them (uncommitted). */
public final class StopOptions {
    @Option(names = "--shutdown-timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "On SIGTERM or Ctrl-C, how long deliveries in flight may take to finish before they are "
                    + "abandoned uncommitted; a second signal exits at once (default: ${DEFAULT-VALUE}).")
    Duration shutdownTimeout;
}
