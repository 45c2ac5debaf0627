package org.influencemonitor.processor;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.influencemonitor.model.ArticleLimits;

/**
 * Writes a value only when it fits in a record the broker takes. The producer would refuse a larger one
 * only after it was handed over, and under exactly-once that aborts the transaction and fails the stream
 * thread, which would read the same article again and fail again. Refused while serialising, it goes to
 * the dead-letter topic through the production handler instead, and processing goes on.
 */
final class OutputSizeGuard<T> implements Serializer<T> {
    private final Serializer<T> inner;
    private final int maxBytes;

    private OutputSizeGuard(Serializer<T> inner, int maxBytes) {
        this.inner = inner;
        this.maxBytes = maxBytes;
    }

    /** {@code serde}, refusing to write values larger than {@link ArticleLimits#MAX_RECORD_BYTES}. */
    static <T> Serde<T> of(Serde<T> serde) {
        return of(serde, ArticleLimits.MAX_RECORD_BYTES);
    }

    static <T> Serde<T> of(Serde<T> serde, int maxBytes) {
        return Serdes.serdeFrom(new OutputSizeGuard<>(serde.serializer(), maxBytes), serde.deserializer());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        byte[] bytes = inner.serialize(topic, data);
        if (bytes != null && bytes.length > maxBytes) {
            throw new SerializationException("the " + topic + " record would be " + bytes.length
                    + " bytes, more than the " + maxBytes + " a record may have");
        }
        return bytes;
    }

    @Override
    public void close() {
        inner.close();
    }
}
