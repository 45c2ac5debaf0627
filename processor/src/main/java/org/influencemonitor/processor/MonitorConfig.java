package org.influencemonitor.processor;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes the topology. The Kafka client settings live elsewhere: the same topology
 * runs under {@code TopologyTestDriver}, the embedded demo broker and a production cluster.
 *
 * @param windowSize      length of the tumbling event-time windows
 * @param grace           how long after a window ends late articles are still counted into it
 * @param clockTick       how far event time must move before the article side tells every counting
 *                        partition about it, so that windows of quiet countries close too
 * @param alertThreshold  distinct relevant articles about one country in one window that raise an alert
 * @param repartitionPartitions partitions of the by-country repartition topic; null lets Kafka Streams
 *                        use the source topic's count
 */
public record MonitorConfig(Duration windowSize, Duration grace, Duration clockTick, int alertThreshold,
                            Integer repartitionPartitions) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_CLOCK_TICK = Duration.ofMinutes(5);
    public static final int DEFAULT_THRESHOLD = 10;

    public MonitorConfig {
        Objects.requireNonNull(windowSize, "windowSize");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(clockTick, "clockTick");
        if (windowSize.isNegative() || windowSize.isZero()) {
            throw new IllegalArgumentException("window size must be positive, got " + windowSize);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (clockTick.isNegative() || clockTick.isZero()) {
            throw new IllegalArgumentException("clock tick must be positive, got " + clockTick);
        }
        if (alertThreshold < 1) {
            throw new IllegalArgumentException("alert threshold must be at least 1, got " + alertThreshold);
        }
    }

    public static MonitorConfig defaults() {
        return new MonitorConfig(DEFAULT_WINDOW, DEFAULT_GRACE, DEFAULT_CLOCK_TICK, DEFAULT_THRESHOLD, null);
    }

    public MonitorConfig withThreshold(int threshold) {
        return new MonitorConfig(windowSize, grace, clockTick, threshold, repartitionPartitions);
    }

    public MonitorConfig withRepartitionPartitions(Integer partitions) {
        return new MonitorConfig(windowSize, grace, clockTick, alertThreshold, partitions);
    }

    public MonitorConfig withWindow(Duration size, Duration newGrace) {
        return new MonitorConfig(size, newGrace, clockTick, alertThreshold, repartitionPartitions);
    }
}
