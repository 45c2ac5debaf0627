package org.influencemonitor.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.influencemonitor.model.PublicationTimes;

/**
 * Reads a source topic's values and refuses, as unreadable, any whose event time is outside
 * {@link PublicationTimes} (before 1970, or past the future tolerance). It has to happen while reading:
 * Kafka Streams silently skips a record whose extracted timestamp is negative (an article of 1969 would
 * vanish), and a record it does process has already moved the task's stream time, so an article of 9999
 * rejected later would still have made every later article late. Refused here, the record goes to the
 * dead-letter topic through the deserialization handler with its own Kafka timestamp, and touches nothing.
 */
final class EventTimeGuard<T> implements Deserializer<T> {
    private final Deserializer<T> inner;
    private final Consumer<T> check;
    private final Function<T, Instant> eventTime;
    private final String field;
    private final Duration futureTolerance;
    private final Clock clock;

    private EventTimeGuard(Deserializer<T> inner, Consumer<T> check, Function<T, Instant> eventTime, String field,
                           Duration futureTolerance, Clock clock) {
        this.inner = inner;
        this.check = check;
        this.eventTime = eventTime;
        this.field = field;
        this.futureTolerance = futureTolerance;
        this.clock = clock;
    }

    /**
     * {@code serde}, reading only values that pass {@code check} (which throws to refuse one) and whose
     * {@code field} (as {@code eventTime} gives it; null when the value has none, which the extractor then
     * replaces) is accepted at the wall-clock time of reading. Checking the whole value here, not only its
     * time, keeps every rejected record's dead letter with its own Kafka timestamp.
     */
    static <T> Serde<T> of(Serde<T> serde, Consumer<T> check, Function<T, Instant> eventTime, String field,
                           Duration futureTolerance, Clock clock) {
        return Serdes.serdeFrom(serde.serializer(),
                new EventTimeGuard<>(serde.deserializer(), check, eventTime, field, futureTolerance, clock));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        T value = inner.deserialize(topic, data);
        check.accept(value);
        Instant time = value == null ? null : eventTime.apply(value);
        if (time != null) {
            PublicationTimes.refusal(field, time, clock.instant(), futureTolerance).ifPresent(reason -> {
                throw new SerializationException(reason);
            });
        }
        return value;
    }

    @Override
    public void close() {
        inner.close();
    }
}
