package org.influencemonitor.model;

import java.time.Instant;

/**
 * The value of {@code monitor.clock}: "event time has reached {@code eventTime}". Ingest publishes one
 * at the end of a replay so that the last windows close without waiting for more articles.
 */
public record ClockTick(int schemaVersion, Instant eventTime) {
}
