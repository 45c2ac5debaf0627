package org.influencemonitor.processor.errors;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event that parsed but cannot be processed (an invalid article) goes to the dead-letter topic with
 * its original bytes and one log line, and processing goes on.
 */
public final class DeadLetterProcessingHandler extends DeadLetterRouting implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    public DeadLetterProcessingHandler() {
        super(LOG, "processing");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
        return Response.resume(deadLetter(context, e));
    }
}
