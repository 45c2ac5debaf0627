package org.influencemonitor.processor.errors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record whose bytes are not an event goes to the dead-letter topic with one log line, and processing goes on. */
public final class DeadLetterDeserializationHandler extends DeadLetterRouting implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    public DeadLetterDeserializationHandler() {
        super(LOG, "deserialization");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
        return Response.resume(deadLetter(context, e));
    }
}
