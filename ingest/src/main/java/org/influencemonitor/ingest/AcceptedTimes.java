package org.influencemonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.influencemonitor.model.PublicationTimes;

/**
 * The publication times an article may have: from 1970 (Kafka timestamps and the processor's windows
 * start at the epoch; an earlier time is a negative timestamp the processor cannot place) to the
 * processor's future tolerance past now (a later one would close every open window early, and the
 * processor rejects it by the same rule, so ingest rejects it first, with the line it came from).
 */
public record AcceptedTimes(Duration futureTolerance, Clock clock) {
    /** The processor's default, {@code --future-tolerance 15m}. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = PublicationTimes.DEFAULT_FUTURE_TOLERANCE;

    public AcceptedTimes {
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("the future tolerance must not be negative, got " + futureTolerance);
        }
    }

    public static AcceptedTimes defaults(Clock clock) {
        return new AcceptedTimes(DEFAULT_FUTURE_TOLERANCE, clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Why {@code publishedAt} is refused, or empty when it is in range (the rule the processor applies too). */
    public Optional<String> refusal(Instant publishedAt, Instant now) {
        return PublicationTimes.refusal("published_at", publishedAt, now, futureTolerance);
    }
}
