package org.influencemonitor.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record of {@code alerts} that one channel gives up on, and why. */
record DeadLetter(ConsumerRecord<byte[], byte[]> record, Failure failure, String reason, int attempts) {

    enum Failure {
        /** Not an alert this sink can read. */
        INVALID,
        /** A valid alert the channel could not deliver within its retries. */
        UNDELIVERABLE;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
