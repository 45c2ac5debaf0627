package org.influencemonitor.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into records, in bounded memory, before anything is decoded: a record ends at LF or
 * CRLF and nowhere else (a bare CR is part of the record, so a stray one cannot split a line and shift
 * every line number after it), and in CSV mode not inside double quotes. A record longer than
 * {@code maxBytes} is read to its end but only its first {@code keepBytes} are kept, so a 10 MB line
 * costs no more memory than the limit. A UTF-8 byte order mark at the start is dropped.
 */
public final class RecordSplitter {
    private final InputStream in;
    private final int maxBytes;
    private final int keepBytes;
    private final boolean csvQuotes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private long consumed;
    private long line = 1;
    private boolean started;

    public RecordSplitter(InputStream in, int maxBytes, int keepBytes, boolean csvQuotes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.keepBytes = Math.min(keepBytes, maxBytes);
        this.csvQuotes = csvQuotes;
    }

    /** The next record, or null at the end of the stream. */
    public RawRecord next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (position == limit && !fill()) {
            return null;
        }
        long startLine = line;
        long startOffset = consumed;
        // One byte more than the limit is kept, so that a line of exactly the limit ending in CRLF fits.
        int cap = maxBytes + 1;
        byte[] kept = new byte[Math.min(1024, cap)];
        int keptLength = 0;
        long size = 0;
        boolean quoted = false;
        boolean ended = false;
        while (!ended) {
            if (position == limit && !fill()) {
                break;
            }
            int end = position;
            while (end < limit) {
                byte b = buffer[end];
                if (b == '\n') {
                    line++;
                    // A quote left open past the limit is not a field: end the record here after all.
                    if (!quoted || size + (end - position) > cap) {
                        ended = true;
                        break;
                    }
                } else if (b == '"' && csvQuotes) {
                    quoted = !quoted;
                }
                end++;
            }
            int chunk = end - position;
            int room = (int) Math.max(0, Math.min(chunk, cap - size));
            if (room > 0) {
                if (keptLength + room > kept.length) {
                    kept = Arrays.copyOf(kept, (int) Math.min(cap, Math.max(kept.length * 2L, keptLength + (long) room)));
                }
                System.arraycopy(buffer, position, kept, keptLength, room);
                keptLength += room;
            }
            size += chunk;
            consumed += chunk;
            position = end;
            if (ended) {
                position++;
                consumed++;
            }
        }
        if (ended && size <= cap && keptLength > 0 && kept[keptLength - 1] == '\r') {
            keptLength--;
            size--;
        }
        if (size > maxBytes) {
            keptLength = Math.min(keptLength, keepBytes);
        }
        return new RawRecord(startLine, startOffset, Arrays.copyOf(kept, keptLength), size);
    }

    /** Bytes of the stream consumed so far. */
    public long consumed() {
        return consumed;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = n < 0;
            position = 0;
            limit = 0;
            return !eof && fill();
        }
        position = 0;
        limit = n;
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        while (limit - position < 3 && !eof) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        if (limit - position >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
            consumed = 3;
        }
    }
}
