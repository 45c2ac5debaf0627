package org.influencemonitor.app.sink;

import java.time.Duration;
import org.influencemonitor.app.DurationConverter;
import org.influencemonitor.app.UserError;
import org.influencemonitor.sink.RetryPolicy;
import picocli.CommandLine.Option;

/** What every channel has: a name, a consumer group, and how long it keeps trying. Also the YAML fields. */
public final class ChannelOptions {
    @Option(names = "--name", paramLabel = "NAME",
            description = "The channel's name in metrics, logs and dead letters (default: its type).")
    String name;

    @Option(names = "--group-id", paramLabel = "ID",
            description = "Consumer group; instances with the same group share the work (default: monitor-sink-NAME).")
    String groupId;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8",
            description = "Attempts per batch before its alerts go to alerts.dlq (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--backoff", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Wait after the first failure, doubled after each (with jitter) (default: ${DEFAULT-VALUE}).")
    Duration backoff;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "Longest wait between two attempts (default: ${DEFAULT-VALUE}).")
    Duration maxBackoff;

    @Option(names = "--give-up-after", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Time after the first attempt after which no new attempt starts (default: ${DEFAULT-VALUE}).")
    Duration giveUpAfter;

    String name(String type) {
        return name == null || name.isBlank() ? type : name;
    }

    String groupId(String type) {
        return groupId == null || groupId.isBlank() ? "monitor-sink-" + name(type) : groupId;
    }

    RetryPolicy retry() {
        try {
            return new RetryPolicy(maxAttempts, backoff, maxBackoff, giveUpAfter);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
