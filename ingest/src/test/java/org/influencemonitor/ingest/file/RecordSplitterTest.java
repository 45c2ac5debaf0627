package org.influencemonitor.ingest.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {
    private static List<RawRecord> split(byte[] input, int max, int keep, boolean csv) throws IOException {
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(input), max, keep, csv);
        List<RawRecord> out = new ArrayList<>();
        for (RawRecord r; (r = splitter.next()) != null; ) {
            out.add(r);
        }
        return out;
    }

    private static List<RawRecord> split(String input) throws IOException {
        return split(input.getBytes(StandardCharsets.UTF_8), 1000, 10, false);
    }

    private static String text(RawRecord r) {
        return new String(r.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void linesEndAtLfOrCrLfAndABareCrStaysInsideItsLine() throws IOException {
        List<RawRecord> records = split("a\r\nb\rc\nd\n\ne");
        assertEquals(List.of("a", "b\rc", "d", "", "e"), records.stream().map(RecordSplitterTest::text).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), records.stream().map(RawRecord::line).toList(),
                "the bare CR does not shift the line numbers after it");
        assertEquals(List.of(0L, 3L, 7L, 9L, 10L), records.stream().map(RawRecord::offset).toList());
        assertTrue(records.get(3).isBlank());
    }

    @Test
    void aByteOrderMarkAtTheStartIsDroppedAndOffsetsCountIt() throws IOException {
        byte[] input = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n', 'y'};
        List<RawRecord> records = split(input, 1000, 10, false);
        assertEquals("x", text(records.get(0)));
        assertEquals(3, records.get(0).offset());
        assertEquals(5, records.get(1).offset());
    }

    @Test
    void anOversizedLineKeepsItsFirstBytesIsReadToItsEndAndTheNextLineIsWhole() throws IOException {
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 'z');
        byte[] input = (new String(big, StandardCharsets.US_ASCII) + "\nnext\n").getBytes(StandardCharsets.US_ASCII);
        List<RawRecord> records = split(input, 100_000, 1_000, false);
        assertEquals(2, records.size());
        RawRecord oversized = records.get(0);
        assertTrue(oversized.truncated());
        assertEquals(300_000, oversized.size());
        assertEquals(1_000, oversized.bytes().length);
        assertFalse(oversized.isBlank(), "a truncated record is never blank");
        assertEquals("next", text(records.get(1)));
        assertEquals(2, records.get(1).line());
        assertEquals(300_001, records.get(1).offset());
    }

    @Test
    void aLineExactlyAtTheLimitIsKeptWhole() throws IOException {
        byte[] line = new byte[500];
        Arrays.fill(line, (byte) 'a');
        RawRecord r = split((new String(line, StandardCharsets.US_ASCII) + "\r\n").getBytes(StandardCharsets.US_ASCII), 500, 10, false).get(0);
        assertFalse(r.truncated());
        assertArrayEquals(line, r.bytes());
    }

    @Test
    void csvRecordsMayHoldLineBreaksInQuotesAndLineNumbersFollowThePhysicalLines() throws IOException {
        List<RawRecord> records = split("h1,h2\n\"a\nb\",\"say \"\"hi\"\"\"\nc,d\n".getBytes(StandardCharsets.UTF_8), 1000, 10, true);
        assertEquals(List.of("h1,h2", "\"a\nb\",\"say \"\"hi\"\"\"", "c,d"), records.stream().map(RecordSplitterTest::text).toList());
        assertEquals(List.of(1L, 2L, 4L), records.stream().map(RawRecord::line).toList());
    }

    @Test
    void anUnterminatedQuoteRunsToTheLimitThenTheRecordEndsAtTheNextLineBreak() throws IOException {
        StringBuilder input = new StringBuilder("h\n\"open");
        input.append("x".repeat(2_000)).append("\nstill open\n");
        input.append("ok\n");
        List<RawRecord> records = split(input.toString().getBytes(StandardCharsets.UTF_8), 1_000, 10, true);
        assertTrue(records.get(1).truncated());
        assertEquals("still open", text(records.get(2)).replace("\"", ""),
                "after a record gives up on its quote, reading resumes line by line");
        assertEquals("ok", text(records.get(3)));
    }

    @Test
    void anEmptyInputHasNoRecords() throws IOException {
        assertNull(new RecordSplitter(new ByteArrayInputStream(new byte[0]), 10, 10, false).next());
    }
}
