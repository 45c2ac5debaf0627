package org.influencemonitor.processor.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.influencemonitor.model.ArticleLimits;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The dead letter the handlers write: one the broker always takes, whatever the original was. */
class DeadLettersTest {
    private static final long YEAR_9999 = 253_402_214_400_000L;
    private static final long NOW = 1_780_000_000_000L;

    record Context(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
                   long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(long timestamp, byte[] value) {
        Context context = new Context("articles.raw", 2, 17, new RecordHeaders(), "validate", new TaskId(0, 2), timestamp,
                "k1".getBytes(StandardCharsets.UTF_8), value);
        return DeadLetters.records("articles.dlq", context, new IllegalArgumentException("bad article"),
                LoggerFactory.getLogger(DeadLettersTest.class), NOW).get(0);
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void carriesTheTimeOfRejectionAndTheOriginalTimestampInAHeader() {
        ProducerRecord<byte[], byte[]> r = deadLetter(YEAR_9999, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(NOW, r.timestamp(), "a year-9999 timestamp would be refused by the broker");
        assertEquals(Long.toString(YEAR_9999), header(r, "monitor.error.original-timestamp"));
        assertEquals("bad article", header(r, "monitor.error.reason"));
        assertEquals("processor articles.raw-2@17", header(r, "monitor.error.origin"));
        assertEquals("articles.dlq", r.topic());
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), r.value());
        assertNull(header(r, "monitor.error.truncated"));
    }

    @Test
    void anOriginalTooLargeToWriteAgainKeepsItsFirstBytesAndSaysSo() {
        byte[] huge = new byte[ArticleLimits.MAX_RECORD_BYTES + 1];
        Arrays.fill(huge, (byte) 'x');
        ProducerRecord<byte[], byte[]> r = deadLetter(NOW, huge);
        assertEquals(ArticleLimits.DEAD_LETTER_PREFIX_BYTES, r.value().length);
        assertEquals("true", header(r, "monitor.error.truncated"));
        assertEquals(Integer.toString(huge.length), header(r, "monitor.error.original-bytes"));
    }

    @Test
    void anOriginalAtTheLimitIsKeptWhole() {
        byte[] large = new byte[ArticleLimits.MAX_RECORD_BYTES];
        assertEquals(large.length, deadLetter(NOW, large).value().length);
    }
}
