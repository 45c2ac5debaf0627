package org.influencemonitor.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.influencemonitor.ingest.file.CsvFormat;
import org.influencemonitor.ingest.file.InputDecoding;
import org.influencemonitor.ingest.file.JsonLinesFormat;
import org.influencemonitor.ingest.file.RawRecord;
import org.influencemonitor.ingest.file.RecordFormat;
import org.influencemonitor.ingest.file.RecordSplitter;
import org.influencemonitor.ingest.file.RecordIntake;

/**
 * Publishes a file of articles, JSON Lines or CSV, plain, gzipped or zipped. Every record is read, even after a bad
 * one: a record that is not UTF-8, not an article, too large or refused is reported with its line number,
 * sent to the dead-letter topic with its reason, and ingestion goes on; blank lines are skipped. The run
 * ends at the end of the input, when asked to stop, when the input cannot be read further, or when Kafka
 * cannot be written to; whichever it is, what was sent is settled first and the summary's counts add up.
 */
public final class FileIngest {
    private final Intake intake;
    private final RecordFormat format;

    /** JSON Lines through a fresh {@link Intake} with {@code parser}'s rules: the replay of the demo and tests. */
    public FileIngest(ArticleLineParser parser, ArticlePublisher publisher) {
        this(new Intake(publisher, parser.rules(), new RecentIds(RecentIds.DEFAULT_CAPACITY)), new JsonLinesFormat());
    }

    public FileIngest(Intake intake, RecordFormat format) {
        this.intake = intake;
        this.format = format;
    }

    /**
     * What a run did. {@code lines} counts the records read (lines of JSON Lines, records of CSV, the header
     * among the skipped); {@code latestPublishedAt} is the newest publication time a source gave, null if
     * none; {@code stoppedBecause} is null when the input was read to its end.
     */
    public record Summary(long lines, long published, long duplicates, long rejected, long skipped, long failed,
                          Instant latestPublishedAt, String stoppedBecause) {
        static Summary of(IngestTally tally, Instant latest, String stoppedBecause) {
            return new Summary(tally.read(), tally.published(), tally.duplicates(), tally.rejected(), tally.skipped(),
                    tally.failed(), latest, stoppedBecause);
        }

        public IngestTally tally() {
            return new IngestTally(lines, published, duplicates, rejected, skipped, failed);
        }

        @Override
        public String toString() {
            return lines + " read: " + tally();
        }
    }

    public IngestCounts counts() {
        return intake.counts();
    }

    /** For text already in memory (tests, the bundled samples): its UTF-8 bytes, read as a stream. */
    public Summary ingest(Reader input, String sourceName) throws IOException {
        StringWriter text = new StringWriter();
        input.transferTo(text);
        return ingest(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), sourceName, () -> false);
    }

    public Summary ingest(InputStream input, String sourceName) throws IOException {
        return ingest(input, sourceName, () -> false);
    }

    /**
     * Reads {@code input} (gzip or not) to its end or until {@code stop} says so, then waits until Kafka has
     * settled every record sent. An input that cannot be read further ends the run with the summary so far
     * and its reason in {@link Summary#stoppedBecause()}; so does Kafka being unreachable.
     */
    public Summary ingest(InputStream input, String sourceName, BooleanSupplier stop) throws IOException {
        AtomicReference<Instant> latest = new AtomicReference<>();
        AtomicReference<String> unavailable = new AtomicReference<>();
        String stoppedBecause = null;
        try {
            RecordSplitter lines = new RecordSplitter(InputDecoding.decompress(input), IngestLimits.MAX_RECORD_BYTES,
                    IngestLimits.DEAD_LETTER_PREFIX_BYTES, format.quotedLineBreaks());
            RecordIntake records = new RecordIntake(intake, format);
            RawRecord record;
            while (true) {
                if (stop.getAsBoolean()) {
                    stoppedBecause = "asked to stop";
                    break;
                }
                if (unavailable.get() != null) {
                    stoppedBecause = "Kafka could not be written to: " + unavailable.get();
                    break;
                }
                record = lines.next();
                if (record == null) {
                    break;
                }
                records.read(record, "ingest file " + sourceName + ":" + record.line()).thenAccept(outcome -> {
                    if (outcome instanceof Outcome.Published p && !p.article().publishedAtFromIngest()) {
                        latest.accumulateAndGet(p.article().publishedAt(),
                                (a, b) -> a == null || b.isAfter(a) ? b : a);
                    } else if (outcome instanceof Outcome.Failed f) {
                        unavailable.compareAndSet(null, f.reason());
                    }
                });
            }
        } catch (IOException e) {
            stoppedBecause = "cannot read " + sourceName + " further: " + e.getMessage();
        } catch (CsvFormat.CsvHeaderException e) {
            stoppedBecause = e.getMessage();
        } finally {
            intake.publisher().awaitSettled();
        }
        if (stoppedBecause == null && unavailable.get() != null) {
            stoppedBecause = "Kafka could not be written to: " + unavailable.get();
        }
        return Summary.of(intake.counts().tally(), latest.get(), stoppedBecause);
    }

}
