package org.influencemonitor.sink;

import java.io.IOException;
import java.util.List;

/**
 * Somewhere alerts are delivered. A batch is handed over before its offsets are committed, so a channel
 * that returns normally must have made the batch durable; one that throws gets the batch again.
 */
public interface AlertChannel extends AutoCloseable {
    void deliver(List<DeliveredAlert> batch) throws IOException;

    @Override
    void close() throws IOException;
}
