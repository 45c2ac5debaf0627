package org.influencemonitor.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The publication (event) times the monitor accepts: from 1970 (Kafka timestamps and the processor's windows
 * start at the epoch; an earlier time is a negative timestamp Kafka Streams silently skips) to a future
 * tolerance past now (a later one would push event time ahead and close every open window early). Ingest and
 * the processor apply the same rule with the same words.
 */
public final class PublicationTimes {
    /** The processor's default {@code --future-tolerance}, and ingest's. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(15);

    private PublicationTimes() {
    }

    /** Why {@code field} = {@code time} is refused at {@code now}, or empty when it is in range. */
    public static Optional<String> refusal(String field, Instant time, Instant now, Duration futureTolerance) {
        if (time.isBefore(Instant.EPOCH)) {
            return Optional.of(field + " " + time + " is before 1970-01-01T00:00:00Z, the earliest accepted time");
        }
        if (time.isAfter(now.plus(futureTolerance))) {
            return Optional.of(field + " " + time + " is in the future: more than " + describe(futureTolerance)
                    + " after now (" + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        return Optional.empty();
    }

    private static String describe(Duration d) {
        return d.toMinutes() > 0 && d.toSecondsPart() == 0 && d.toMillisPart() == 0 ? d.toMinutes() + " min" : d.toString();
    }
}
