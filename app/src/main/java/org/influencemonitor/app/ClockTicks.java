package org.influencemonitor.app;

import java.time.Instant;
import org.influencemonitor.processor.MonitorConfig;

/** When to tell the processor that a replay is over: the end of its last window plus grace. */
final class ClockTicks {
    private ClockTicks() {
    }

    static Instant endOfReplay(Instant latestPublishedAt, MonitorConfig config) {
        long size = config.windowSize().toMillis();
        long lastWindowStart = Math.floorDiv(latestPublishedAt.toEpochMilli(), size) * size;
        return Instant.ofEpochMilli(lastWindowStart).plus(config.windowSize()).plus(config.grace());
    }
}
