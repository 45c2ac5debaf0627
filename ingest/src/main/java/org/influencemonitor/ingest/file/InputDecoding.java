package org.influencemonitor.ingest.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * Compression is recognised by its magic bytes, not by the file name: gzip ({@code 1f 8b}) and zip
 * ({@code PK 03 04}, of which the first entry is read, as GDELT ships one file per archive), so renamed
 * files and compressed streams on standard input read the same as plain ones.
 */
public final class InputDecoding {
    private InputDecoding() {
    }

    public static InputStream decompress(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 64 * 1024);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b) {
            return new GZIPInputStream(in, 64 * 1024);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            ZipInputStream zip = new ZipInputStream(in);
            if (zip.getNextEntry() == null) {
                throw new IOException("the zip archive holds no file");
            }
            return zip;
        }
        return in;
    }
}
