package org.influencemonitor.app;

import java.time.Duration;
import org.influencemonitor.processor.MonitorConfig;
import picocli.CommandLine.Option;

/** The options that shape windows and alerts, shared by {@code processor} and {@code demo}. */
public final class ProcessingOptions {
    @Option(names = "--window", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "Event-time window size (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--window-advance", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start a window every DURATION (hopping windows); default: the window size (tumbling).")
    Duration windowAdvance;

    @Option(names = "--future-tolerance", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "15m",
            description = "Reject articles dated further than this past the processor's clock (default: ${DEFAULT-VALUE}).")
    Duration futureTolerance;

    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "15m",
            description = "How long after a window ends late articles still count (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--threshold", paramLabel = "N", defaultValue = "10",
            description = "Distinct relevant articles about one country in one window that raise an alert (default: ${DEFAULT-VALUE}).")
    int threshold;

    public MonitorConfig config() {
        try {
            return new MonitorConfig(window, windowAdvance == null ? window : windowAdvance, grace,
                    MonitorConfig.DEFAULT_CLOCK_TICK, futureTolerance, MonitorConfig.DEFAULT_HISTORY, threshold, null);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

}
