package org.influencemonitor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;
import picocli.CommandLine.Option;

/** The options that shape windows and alerts, shared by {@code processor} and {@code demo}. */
public final class ProcessingOptions {
    @Option(names = "--window", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "Event-time window size (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--window-advance", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start a window every DURATION (hopping windows); default: the window size (tumbling).")
    Duration windowAdvance;

    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "15m",
            description = "How long after a window ends late articles still count (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--future-tolerance", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "15m",
            description = "Reject articles dated further than this past the processor's clock (default: ${DEFAULT-VALUE}).")
    Duration futureTolerance;

    @Option(names = "--idle-after", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "A partition of articles.raw without articles for this long (and read to its end) stops "
                    + "holding windows open and alerts back until its next article (default: ${DEFAULT-VALUE}).")
    Duration idleAfter;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A YAML rules file merged over the built-in rules (see docs/alerting.md).")
    Path rules;

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "An election calendar (CSV or YAML) replacing the built-in one (see docs/alerting.md).")
    Path calendar;

    @Option(names = "--threshold", paramLabel = "N",
            description = "Shortcut for the threshold rule's article count (default: from the rules, 100).")
    Integer threshold;

    public MonitorConfig config() {
        try {
            MonitorConfig config = new MonitorConfig(window, windowAdvance == null ? window : windowAdvance, grace,
                    MonitorConfig.DEFAULT_CLOCK_TICK, futureTolerance, MonitorConfig.DEFAULT_HISTORY,
                    rules == null ? RulesConfig.defaults() : RulesConfig.load(readable("--rules", rules)),
                    calendar == null ? ElectionCalendar.defaults() : ElectionCalendar.load(readable("--calendar", calendar)),
                    null);
            config = config.withIdleAfter(idleAfter);
            return threshold == null ? config : config.withThreshold(threshold);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Path readable(String option, Path file) {
        if (!Files.isReadable(file)) {
            throw new UserError("cannot read " + option + " " + file);
        }
        return file;
    }
}
