package org.influencemonitor.ingest.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Decodes a record as UTF-8 and nothing else: a byte sequence that is not UTF-8 is an error with its
 * position, never replaced with U+FFFD, so that the same bytes are refused the same way from a file and
 * from standard input, and a user can find them ({@code cut -b} or a hex editor at the offset).
 */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** Bytes that are not UTF-8: {@code position} is the offset of the first bad byte in the record. */
    public static final class InvalidUtf8Exception extends Exception {
        private final int position;
        private final String badBytes;

        InvalidUtf8Exception(int position, String badBytes) {
            super("invalid UTF-8 at byte " + position + ": " + badBytes);
            this.position = position;
            this.badBytes = badBytes;
        }

        public int position() {
            return position;
        }

        /** The offending bytes in hex, e.g. {@code C3 28}. */
        public String badBytes() {
            return badBytes;
        }
    }

    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int length = Math.min(result.length(), bytes.length - at);
            throw new InvalidUtf8Exception(at, hex(bytes, at, Math.max(1, length)));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + length); i++) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(HexFormat.of().withUpperCase().toHexDigits(bytes[i]));
        }
        return s.toString();
    }
}
