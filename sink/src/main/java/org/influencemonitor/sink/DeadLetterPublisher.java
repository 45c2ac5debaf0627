package org.influencemonitor.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.influencemonitor.model.EventTopics;

/**
 * Writes dead letters to {@code alerts.dlq} and waits until the broker has them: the offsets of a record
 * that goes there are committed only after, so a dead letter is never lost between the two topics.
 * Headers as in {@code model/src/main/resources/schemas/README.md}.
 */
final class DeadLetterPublisher implements AutoCloseable {
    static final String REASON = "monitor.error.reason";
    static final String ORIGIN = "monitor.error.origin";
    static final String CHANNEL = "monitor.sink.channel";
    static final String FAILURE = "monitor.sink.failure";
    static final String ATTEMPTS = "monitor.error.attempts";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String channel;

    DeadLetterPublisher(String bootstrapServers, Properties userProperties, String channel) {
        Properties props = new Properties();
        props.putAll(userProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "monitor-sink-" + channel + "-dlq");
        this.producer = new KafkaProducer<>(props, EventTopics.ALERTS_DLQ.keySerde().serializer(),
                EventTopics.ALERTS_DLQ.valueSerde().serializer());
        this.channel = channel;
    }

    /** Sends every letter and returns once all are acknowledged; throws if any is not. */
    void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (DeadLetter letter : letters) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, utf8(letter.reason()));
            headers.add(ORIGIN, utf8("sink " + channel + " " + letter.record().topic() + "-"
                    + letter.record().partition() + "@" + letter.record().offset()));
            headers.add(CHANNEL, utf8(channel));
            headers.add(FAILURE, utf8(letter.failure().wireName()));
            headers.add(ATTEMPTS, utf8(String.valueOf(letter.attempts())));
            sent.add(producer.send(new ProducerRecord<>(EventTopics.ALERTS_DLQ.name(), null, letter.record().key(),
                    letter.record().value(), headers)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new KafkaException("cannot write to " + EventTopics.ALERTS_DLQ.name() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new KafkaException("no acknowledgement from " + EventTopics.ALERTS_DLQ.name() + " within " + ACK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + EventTopics.ALERTS_DLQ.name());
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
