package org.influencemonitor.processor;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per store partition Kafka Streams rebuilds from its changelog. After a clean stop there is
 * none: the local stores are still valid, which is what makes a restart quick; after a crash (or a new
 * state directory) these lines say where the start-up time goes.
 */
final class RestoreLog implements StateRestoreListener {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        LOG.info("Restoring store {} from {}: offsets {} to {}", store, partition, startOffset, endOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        LOG.info("Restored store {} from {}: {} records", store, partition, totalRestored);
    }
}
