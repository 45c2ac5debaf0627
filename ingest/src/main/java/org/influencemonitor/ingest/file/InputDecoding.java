package org.influencemonitor.ingest.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Gzip is recognised by its magic bytes ({@code 1f 8b}), not by the file name: {@code .gz} files renamed
 * and compressed streams on standard input read the same as plain ones.
 */
public final class InputDecoding {
    private InputDecoding() {
    }

    public static InputStream decompressIfGzip(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(in, 64 * 1024);
        }
        return in;
    }
}
