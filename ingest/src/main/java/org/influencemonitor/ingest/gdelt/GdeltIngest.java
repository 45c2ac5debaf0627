package org.influencemonitor.ingest.gdelt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.influencemonitor.ingest.IngestLimits;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.Outcome;
import org.influencemonitor.ingest.SourceRecord;
import org.influencemonitor.ingest.file.InputDecoding;
import org.influencemonitor.ingest.file.RawRecord;
import org.influencemonitor.ingest.file.RecordSplitter;
import org.influencemonitor.ingest.file.RecordIntake;
import org.influencemonitor.model.Json;

/**
 * One GDELT document through the {@link Intake}: a GKG 2.1 file (tab-separated, plain, gzipped or
 * zipped), read line by line as files are, or a DOC 2.0 ArtList answer (JSON, recognised by its opening
 * brace). Returns once Kafka has settled every record of it.
 */
public final class GdeltIngest {
    /** An ArtList answer holds at most 250 articles; anything near this size is not one. */
    static final int MAX_ARTLIST_BYTES = 50 * 1024 * 1024;

    private final Intake intake;

    public GdeltIngest(Intake intake) {
        this.intake = intake;
    }

    public Intake intake() {
        return intake;
    }

    /** Reads {@code raw}, named {@code name} in the origins of its dead letters, and waits for Kafka. */
    public void ingest(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(InputDecoding.decompress(raw), 64 * 1024);
        List<CompletableFuture<Outcome>> outcomes = isJson(in) ? artList(in, name) : gkg(in, name);
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
    }

    private List<CompletableFuture<Outcome>> gkg(InputStream in, String name) throws IOException {
        RecordSplitter lines = new RecordSplitter(in, IngestLimits.MAX_RECORD_BYTES, IngestLimits.DEAD_LETTER_PREFIX_BYTES, false);
        RecordIntake records = new RecordIntake(intake, new GkgFormat());
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (RawRecord line; (line = lines.next()) != null; ) {
            outcomes.add(records.read(line, "ingest gdelt " + name + ":" + line.line()));
        }
        return outcomes;
    }

    private List<CompletableFuture<Outcome>> artList(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_ARTLIST_BYTES + 1);
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        SourceRecord whole = new SourceRecord("ingest gdelt " + name, bytes, bytes.length);
        if (bytes.length > MAX_ARTLIST_BYTES) {
            outcomes.add(intake.reject(whole, "larger than " + MAX_ARTLIST_BYTES + " bytes: not a DOC 2.0 ArtList"));
            return outcomes;
        }
        List<DocArticleList.Entry> entries;
        try {
            JsonNode document = Json.mapper().readTree(bytes);
            entries = DocArticleList.entries(document);
        } catch (JsonProcessingException e) {
            outcomes.add(intake.reject(whole, "not valid JSON: " + e.getOriginalMessage()));
            return outcomes;
        } catch (IllegalArgumentException e) {
            outcomes.add(intake.reject(whole, e.getMessage()));
            return outcomes;
        }
        int position = 0;
        for (DocArticleList.Entry entry : entries) {
            position++;
            SourceRecord record = SourceRecord.of("ingest gdelt " + name + " article " + position,
                    Json.mapper().writeValueAsBytes(entry.json()));
            outcomes.add(entry.problem() != null ? intake.reject(record, entry.problem())
                    : intake.offer(entry.candidate(), record));
        }
        return outcomes;
    }

    private static boolean isJson(BufferedInputStream in) throws IOException {
        in.mark(1024);
        try {
            for (int i = 0; i < 1024; i++) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                if (b == '{') {
                    return true;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }
}
