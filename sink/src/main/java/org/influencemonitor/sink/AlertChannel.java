package org.influencemonitor.sink;

import java.time.Instant;
import java.util.List;

/**
 * Somewhere alerts are delivered. A batch is handed over before its offsets are committed, so a channel
 * that returns normally must have made the batch durable; one that throws gets the batch again (or, once
 * its retries are spent, each alert alone, and then the dead-letter topic). A channel must therefore be
 * idempotent by {@link EventKey}: an event it has delivered may come again after a crash or a rebalance,
 * and must not show twice.
 *
 * <p>Each channel is used by one thread, its own {@link AlertSink}.
 */
public interface AlertChannel extends AutoCloseable {

    void deliver(List<DeliveredAlert> batch) throws DeliveryException, InterruptedException;

    /**
     * Called on every turn of the poll loop, a few times a second: the place for periodic work, such as
     * Alertmanager's resending of open incidents. Must not throw for a failure it can try again later.
     */
    default void tick(Instant now) throws InterruptedException {
    }

    /** How the channel names its destination in log lines and dead letters: never a secret. */
    String describe();

    @Override
    void close();
}
