package org.influencemonitor.ingest.rss;

import java.time.Duration;

/**
 * How long a failing feed waits before its next poll: its interval times two for each failure in a row
 * (so a feed polled every 5 minutes waits 10, 20, 40 minutes), at most an hour (or its interval, if
 * longer), and at least what its server asked for with {@code Retry-After}.
 */
public final class Backoff {
    public static final Duration MAX = Duration.ofHours(1);

    private Backoff() {
    }

    public static Duration after(Duration interval, int failuresInARow, Duration retryAfter) {
        Duration cap = MAX.compareTo(interval) > 0 ? MAX : interval;
        Duration wait = interval.multipliedBy(1L << Math.min(Math.max(failuresInARow, 0), 16));
        if (wait.compareTo(cap) > 0) {
            wait = cap;
        }
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
