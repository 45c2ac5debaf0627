package org.influencemonitor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.influencemonitor.sink.http.HttpPoster;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void backoffDoublesUpToTheCapWithJitterInItsUpperHalf() {
        assertEquals(Duration.ofMillis(500), policy.backoff(1, null, () -> 0.0));
        assertEquals(Duration.ofMillis(1000), policy.backoff(1, null, () -> 1.0));
        assertEquals(Duration.ofMillis(2000), policy.backoff(2, null, () -> 1.0));
        assertEquals(Duration.ofMillis(4000), policy.backoff(3, null, () -> 1.0));
        assertEquals(Duration.ofSeconds(10), policy.backoff(9, null, () -> 1.0));
        assertEquals(Duration.ofSeconds(5), policy.backoff(60, null, () -> 0.0), "no overflow after many failures");
    }

    @Test
    void aServersRetryAfterReplacesTheBackoff() {
        assertEquals(Duration.ofSeconds(42), policy.backoff(1, Duration.ofSeconds(42), () -> 0.5));
    }

    @Test
    void givesUpOnAttemptsOrTime() {
        assertTrue(policy.allowsAnother(4, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertFalse(policy.allowsAnother(5, Duration.ofSeconds(1), Duration.ofSeconds(1)), "five attempts made");
        assertFalse(policy.allowsAnother(2, Duration.ofSeconds(28), Duration.ofSeconds(5)), "would start after 30 s");
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2024-10-18T14:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), HttpPoster.retryAfter("120", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)), HttpPoster.retryAfter("Fri, 18 Oct 2024 14:00:30 GMT", now));
        assertEquals(Optional.empty(), HttpPoster.retryAfter("soon", now));
    }
}
