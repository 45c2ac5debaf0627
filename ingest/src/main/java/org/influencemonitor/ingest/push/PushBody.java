package org.influencemonitor.ingest.push;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.influencemonitor.ingest.IngestLimits;
import org.influencemonitor.ingest.file.RawRecord;
import org.influencemonitor.ingest.file.RecordSplitter;

/**
 * A request body as records: one JSON article when the client says {@code application/json} (it may be
 * pretty-printed over several lines), NDJSON otherwise, one article per line, split as files are.
 */
final class PushBody {
    private PushBody() {
    }

    static List<RawRecord> records(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            byte[] kept = body.length > IngestLimits.MAX_RECORD_BYTES
                    ? java.util.Arrays.copyOf(body, IngestLimits.DEAD_LETTER_PREFIX_BYTES) : body;
            return List.of(new RawRecord(1, 0, kept, body.length));
        }
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(body), IngestLimits.MAX_RECORD_BYTES,
                IngestLimits.DEAD_LETTER_PREFIX_BYTES, false);
        List<RawRecord> records = new ArrayList<>();
        try {
            for (RawRecord r; (r = splitter.next()) != null; ) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
        return records;
    }
}
