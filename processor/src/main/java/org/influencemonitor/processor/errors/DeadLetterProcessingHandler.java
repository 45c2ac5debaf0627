package org.influencemonitor.processor.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.influencemonitor.processor.telemetry.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event that parsed but cannot be processed (an invalid article) goes to the dead-letter topic with
 * its original bytes and one log line, and processing goes on.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private String dlqTopic;
    private PipelineMeters meters = PipelineMeters.none();

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
        meters = PipelineMeters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
        meters.deadLetter("processing");
        return Response.resume(DeadLetters.records(dlqTopic, context, e, LOG));
    }
}
