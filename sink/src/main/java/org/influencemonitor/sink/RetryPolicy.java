package org.influencemonitor.sink;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long a channel keeps trying one batch: up to {@code maxAttempts} attempts and no longer than
 * {@code giveUpAfter} from the first, waiting between attempts an exponentially growing backoff
 * (doubling from {@code initialBackoff}, capped at {@code maxBackoff}) with jitter, so that many sinks
 * failing at once do not retry in step. A server's {@code Retry-After} replaces the backoff: it is never
 * waited for less.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(10));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be at least 0 and at most the max backoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("give-up time must not be negative, got " + giveUpAfter);
        }
    }

    /**
     * The wait after {@code failedAttempts} failed attempts: the capped exponential backoff, drawn
     * uniformly from its upper half ("equal jitter": never less than half, so retries still spread out
     * as they grow), or the server's {@code retryAfter} when it gave one.
     */
    public Duration backoff(int failedAttempts, Duration retryAfter, DoubleSupplier random) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long full = initial <= 0 ? 0 : (initial > (cap >> doublings) ? cap : Math.min(cap, initial << doublings));
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (full - half)));
    }

    /** Whether another attempt may start, {@code elapsed} after the first and {@code wait} from now. */
    public boolean allowsAnother(int failedAttempts, Duration elapsed, Duration wait) {
        return failedAttempts < maxAttempts && elapsed.plus(wait).compareTo(giveUpAfter) <= 0;
    }
}
