package org.influencemonitor.app.sink;

import java.time.Duration;
import org.influencemonitor.app.DurationConverter;
import org.influencemonitor.app.UserError;
import picocli.CommandLine.Option;

/** How long one request to a destination may take before it counts as failed (and is retried). */
public final class RequestTimeout {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Time one request may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    Duration value() {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new UserError("--timeout must be positive, got " + timeout);
        }
        return timeout;
    }
}
