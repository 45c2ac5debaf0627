package org.influencemonitor.ingest;

import java.nio.charset.StandardCharsets;

/**
 * One record as a source read it, for the dead-letter topic should it be rejected: where it came from
 * ({@code ingest file samples/articles.jsonl:101}, {@code ingest rss https://... item 3}) and its original
 * bytes, of which a source may have kept only the first ones when the record was too large to hold.
 *
 * @param size the original's size in bytes, at least {@code bytes.length}
 */
public record SourceRecord(String origin, byte[] bytes, long size) {
    public SourceRecord {
        size = Math.max(size, bytes.length);
    }

    public static SourceRecord of(String origin, byte[] bytes) {
        return new SourceRecord(origin, bytes, bytes.length);
    }

    public static SourceRecord of(String origin, String text) {
        return of(origin, text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean oversized() {
        return size > IngestLimits.MAX_RECORD_BYTES;
    }
}
