package org.influencemonitor.ingest.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
    @Test
    void utf8ReadsAsItsText() throws Exception {
        assertEquals("Chișinău – 選挙 🗳", StrictUtf8.decode("Chișinău – 選挙 🗳".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBadSequenceIsReportedWithItsOffsetAndBytesNeverReplaced() {
        byte[] bytes = {'C', 'a', 'f', (byte) 0xC3, '(', '!'};
        StrictUtf8.InvalidUtf8Exception e = assertThrows(StrictUtf8.InvalidUtf8Exception.class, () -> StrictUtf8.decode(bytes));
        assertEquals(3, e.position());
        assertEquals("C3", e.badBytes());
    }

    @Test
    void latin1OverlongFormsAndEncodedSurrogatesAreNotUtf8() {
        assertThrows(StrictUtf8.InvalidUtf8Exception.class, () -> StrictUtf8.decode("café".getBytes(StandardCharsets.ISO_8859_1)));
        assertThrows(StrictUtf8.InvalidUtf8Exception.class, () -> StrictUtf8.decode(new byte[] {(byte) 0xC0, (byte) 0xAF}));
        assertThrows(StrictUtf8.InvalidUtf8Exception.class,
                () -> StrictUtf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        StrictUtf8.InvalidUtf8Exception cut = assertThrows(StrictUtf8.InvalidUtf8Exception.class,
                () -> StrictUtf8.decode(new byte[] {'a', (byte) 0xE2, (byte) 0x82}));
        assertEquals(1, cut.position(), "a sequence cut off at the end of the line");
    }
}
