package org.influencemonitor.sink;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery that did not happen, and what to do about it. The message is shown in log lines and in
 * the dead letter's reason header, so it must never contain a secret.
 */
public final class DeliveryException extends Exception {

    /** What the failure allows. */
    public enum Kind {
        /** Try again after a backoff (a timeout, a 5xx, a refused connection). */
        RETRYABLE,
        /** Trying the same request again cannot succeed (a 400 for this payload): dead-letter it now. */
        PERMANENT,
        /** The destination asked never to be called again (HTTP 410): stop the channel. */
        DISABLED
    }

    private final Kind kind;
    private final Duration retryAfter;

    private DeliveryException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String message) {
        return new DeliveryException(Kind.RETRYABLE, message, null, null);
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(Kind.RETRYABLE, message, null, cause);
    }

    /** Retryable, not before {@code retryAfter} (the server's {@code Retry-After}). */
    public static DeliveryException retryAfter(String message, Duration retryAfter) {
        return new DeliveryException(Kind.RETRYABLE, message, retryAfter, null);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(Kind.PERMANENT, message, null, null);
    }

    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(Kind.PERMANENT, message, null, cause);
    }

    public static DeliveryException disabled(String message) {
        return new DeliveryException(Kind.DISABLED, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
