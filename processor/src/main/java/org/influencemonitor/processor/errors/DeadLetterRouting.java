package org.influencemonitor.processor.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.slf4j.Logger;

/**
 * What the three exception handlers share: the dead-letter topic and the meters from the Streams
 * configuration, and one way to turn a failure into its dead letter. Kafka Streams instantiates each
 * handler by class name and configures it, so the sharing is by inheritance, not by composition.
 */
abstract class DeadLetterRouting implements Configurable {
    private final Logger log;
    private final String stage;
    private String dlqTopic;
    private PipelineMeters meters = PipelineMeters.none();

    /** {@code stage}: the meters' tag for where the record failed (deserialization, processing, production). */
    DeadLetterRouting(Logger log, String stage) {
        this.log = log;
        this.stage = stage;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
        meters = PipelineMeters.from(configs);
    }

    /** The dead letter of the record being handled, counted on the meters and logged once. */
    final List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, Exception e) {
        meters.deadLetter(stage);
        return DeadLetters.records(dlqTopic, context, e, log);
    }
}
