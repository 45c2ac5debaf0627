package org.influencemonitor.processor.errors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output the processor cannot write (one that would be larger than a record may be) sends the input
 * that produced it to the dead-letter topic, and processing goes on. A failed send to the broker still
 * fails, as by default: under exactly-once it has aborted the transaction, and only a retry from the last
 * commit keeps the outputs exactly once.
 */
public final class DeadLetterProductionHandler extends DeadLetterRouting implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    public DeadLetterProductionHandler() {
        super(LOG, "production");
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception e,
                                             SerializationExceptionOrigin origin) {
        return Response.resume(deadLetter(context, e));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception e) {
        LOG.error("Kafka refused a record for {}: {}", record.topic(), e.toString());
        return Response.fail();
    }
}
