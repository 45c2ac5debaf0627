package org.influencemonitor.processor.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Alert ids depend only on what the alert is about, never on when or where it was computed, so a
 * reprocessed stream or a restarted instance produces the same id and consumers can deduplicate.
 */
public final class AlertIds {
    private AlertIds() {
    }

    public static String of(String rule, String country, Instant windowStart, Instant windowEnd) {
        String name = rule + "|" + country + "|" + windowStart + "|" + windowEnd;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
