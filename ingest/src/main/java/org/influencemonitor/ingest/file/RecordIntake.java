package org.influencemonitor.ingest.file;

import java.util.concurrent.CompletableFuture;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.Outcome;
import org.influencemonitor.ingest.SourceRecord;

/**
 * One record of a line-based source (a file, a pushed body, a GKG file) into the {@link Intake}, the
 * same way for all: blank is skipped, too large is rejected, bytes that are not UTF-8 are rejected with
 * their offset, and the rest is read by the source's {@link RecordFormat}.
 */
public final class RecordIntake {
    private final Intake intake;
    private final RecordFormat format;

    public RecordIntake(Intake intake, RecordFormat format) {
        this.intake = intake;
        this.format = format;
    }

    /** @param origin where the record came from, e.g. {@code ingest file samples/articles.jsonl:101} */
    public CompletableFuture<Outcome> read(RawRecord record, String origin) {
        SourceRecord source = new SourceRecord(origin, record.bytes(), record.size());
        if (record.isBlank()) {
            return CompletableFuture.completedFuture(intake.skip());
        }
        if (record.truncated()) {
            return intake.reject(source, "too large");
        }
        String text;
        try {
            text = StrictUtf8.decode(record.bytes());
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            return intake.reject(source, "invalid UTF-8 at byte offset " + (record.offset() + e.position())
                    + " of the input (offset " + e.position() + " in its line): " + e.badBytes());
        }
        RecordFormat.Parsed parsed = format.parse(text);
        if (parsed instanceof RecordFormat.Parsed.Article article) {
            return intake.offer(article.candidate(), source);
        }
        if (parsed instanceof RecordFormat.Parsed.Bad bad) {
            return intake.reject(source, bad.reason());
        }
        return CompletableFuture.completedFuture(intake.skip());
    }
}
