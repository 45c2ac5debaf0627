package org.influencemonitor.processor;

import java.time.Duration;
import java.util.Objects;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;
import org.influencemonitor.processor.windows.EventWindows;

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
 * @param sourcePartitions partitions of {@code articles.raw}: a window closes only once every one of them
 *                        has passed its end plus grace (a partition found beyond this count is waited
 *                        for too, once it has been heard from)
 * @param publishInterval at most one {@code mentions.by-country} update per window per this much wall-clock
 *                        time (final tallies and the rules are not delayed)
 * @param idleAfter       a source partition without records for this long (wall-clock) stops holding
 *                        windows open until its next record
 * @param watermarkInterval how often (wall-clock) a source partition tells the counters its exact event
 *                        time when it has moved: the most an article waits for slower partitions in a
 *                        live feed
 */
public record MonitorConfig(Duration windowSize, Duration windowAdvance, Duration grace, Duration clockTick,
                            Duration futureTolerance, Duration historyRetention, RulesConfig rules,
                            ElectionCalendar calendar, Integer repartitionPartitions, int sourcePartitions,
                            Duration publishInterval, Duration idleAfter, Duration watermarkInterval) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_CLOCK_TICK = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_HISTORY = Duration.ofDays(30);
    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WATERMARK_INTERVAL = Duration.ofMillis(100);

    /** One source partition, a one-second publish interval, 60 s to idle, watermarks every 100 ms. */
    public MonitorConfig(Duration windowSize, Duration windowAdvance, Duration grace, Duration clockTick,
                         Duration futureTolerance, Duration historyRetention, RulesConfig rules,
                         ElectionCalendar calendar, Integer repartitionPartitions) {
        this(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention, rules, calendar,
                repartitionPartitions, 1, DEFAULT_PUBLISH_INTERVAL, DEFAULT_IDLE_AFTER, DEFAULT_WATERMARK_INTERVAL);
    }

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
        if (sourcePartitions < 1) {
            throw new IllegalArgumentException("source partitions must be at least 1, got " + sourcePartitions);
        }
        requirePositive("publish interval", Objects.requireNonNull(publishInterval, "publishInterval"));
        requirePositive("idle time", Objects.requireNonNull(idleAfter, "idleAfter"));
        requirePositive("watermark interval", Objects.requireNonNull(watermarkInterval, "watermarkInterval"));
    }

    /** The window arithmetic of this configuration. */
    public EventWindows windows() {
        return new EventWindows(windowSize, windowAdvance, grace);
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
        RulesConfig changed = new RulesConfig(rules.quietWindowsToResolve(), rules.preElection(), rules.level(),
                new RulesConfig.Threshold(t.enabled(), articles, t.countries(), t.resolveFraction(), t.severity()),
                rules.spike(), rules.share(), rules.narrative(), rules.newActor(), rules.coverage());
        return withRules(changed, calendar);
    }

    public MonitorConfig withRules(RulesConfig newRules, ElectionCalendar newCalendar) {
        return new MonitorConfig(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention,
                newRules, newCalendar, repartitionPartitions, sourcePartitions, publishInterval, idleAfter, watermarkInterval);
    }

    public MonitorConfig withRepartitionPartitions(Integer partitions) {
        return new MonitorConfig(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention,
                rules, calendar, partitions, sourcePartitions, publishInterval, idleAfter, watermarkInterval);
    }

    /** This configuration with source partitions falling idle after {@code idle} without articles. */
    public MonitorConfig withIdleAfter(Duration idle) {
        return new MonitorConfig(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention,
                rules, calendar, repartitionPartitions, sourcePartitions, publishInterval, idle, watermarkInterval);
    }

    /** This configuration for an {@code articles.raw} of {@code partitions} partitions. */
    public MonitorConfig withSourcePartitions(int partitions) {
        return new MonitorConfig(windowSize, windowAdvance, grace, clockTick, futureTolerance, historyRetention,
                rules, calendar, repartitionPartitions, partitions, publishInterval, idleAfter, watermarkInterval);
    }
}
