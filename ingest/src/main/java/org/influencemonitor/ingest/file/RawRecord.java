package org.influencemonitor.ingest.file;

/**
 * One record of an input stream as bytes: a JSON line, or a CSV record (which may span lines).
 *
 * @param line   the 1-based line number it starts on
 * @param offset the byte offset in the (decompressed) stream where it starts
 * @param bytes  its bytes without the line end; only the first ones when it was longer than the limit
 * @param size   its full size in bytes
 */
public record RawRecord(long line, long offset, byte[] bytes, long size) {
    public boolean truncated() {
        return bytes.length < size;
    }

    public boolean isBlank() {
        if (truncated()) {
            return false;
        }
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
