package org.influencemonitor.processor.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record whose bytes are not an event goes to the dead-letter topic with one log line, and processing goes on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private String dlqTopic;
    private PipelineMeters meters = PipelineMeters.none();

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
        meters = PipelineMeters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
        meters.deadLetter("deserialization");
        return Response.resume(DeadLetters.records(dlqTopic, context, e, LOG));
    }
}
