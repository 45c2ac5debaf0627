package org.influencemonitor.processor;

import java.time.Duration;
import java.util.Objects;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;

/**
 * Everything that shapes the topology. The Kafka client settings live elsewhere: the same topology
 * runs under {@code TopologyTestDriver}, the embedded demo broker and a production cluster.
 *
 * @param windowSize      length of the event-time windows
 * @param windowAdvance   how far apart windows start: the size for tumbling windows, less for hopping ones
 * @param grace           how long after a window ends late articles are still counted into it
 * @param clockTick       how far event time must move before the article side tells every counting
 *                        partition about it, so that windows of quiet countries close too
 * @param futureTolerance how far past the processor's clock an article may be dated before it is rejected
 * @param historyRetention how long closed windows and alerts stay queryable in the processor's stores
 * @param rules           the alert rules and their parameters (see docs/alerting.md)
 * @param calendar        upcoming elections, before which thresholds drop and severities rise
 * @param repartitionPartitions partitions of the by-country repartition topic; null lets Kafka Streams
 *                        use the source topic's count
 */
public record MonitorConfig(Duration windowSize, Duration windowAdvance, Duration grace, Duration clockTick,
                            Duration futureTolerance, Duration historyRetention, RulesConfig rules,
                            ElectionCalendar calendar, Integer repartitionPartitions) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_CLOCK_TICK = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_HISTORY = Duration.ofDays(30);

    public MonitorConfig {
        Objects.requireNonNull(windowSize, "windowSize");
        Objects.requireNonNull(windowAdvance, "windowAdvance");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(clockTick, "clockTick");
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        Objects.requireNonNull(historyRetention, "historyRetention");
        requirePositive("window size", windowSize);
        requirePositive("window advance", windowAdvance);
        requirePositive("clock tick", clockTick);
        if (windowAdvance.compareTo(windowSize) > 0) {
            throw new IllegalArgumentException("window advance " + windowAdvance + " is longer than the window " + windowSize);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("future tolerance must not be negative, got " + futureTolerance);
        }
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(calendar, "calendar");
    }

    private static void requirePositive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    public static MonitorConfig defaults() {
        return new MonitorConfig(DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_GRACE, DEFAULT_CLOCK_TICK,
                DEFAULT_FUTURE_TOLERANCE, DEFAULT_HISTORY, RulesConfig.defaults(), ElectionCalendar.defaults(), null);
    }

    /** These rules, with the threshold rule's default article count set to {@code articles}. */
    public MonitorConfig withThreshold(int articles) {
        if (articles < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, got " + articles);
        }
        RulesConfig.Threshold t = rules.threshold();
        RulesConfig changed = new RulesConfig(rules.quietWindowsToResolve(), rules.preElection(),
                new RulesConfig.Threshold(t.enabled(), articles, t.countries(), t.resolveFraction(), t.severity()),
                rules.spike(), rules.share(), rules.narrative(), rules.newActor());
        return withRules(changed, calendar);
    }

    public MonitorConfig withRules(RulesConfig newRules, ElectionCalendar newCalendar) {
        return new MonitorConfig(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention,
                newRules, newCalendar, repartitionPartitions);
    }

    public MonitorConfig withRepartitionPartitions(Integer partitions) {
        return new MonitorConfig(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention,
                rules, calendar, partitions);
    }
}
