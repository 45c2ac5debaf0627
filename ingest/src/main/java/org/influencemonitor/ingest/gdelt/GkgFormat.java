package org.influencemonitor.ingest.gdelt;

import org.influencemonitor.ingest.file.RecordFormat;

/** GKG 2.1 lines as records of a file: one {@link GkgRecord} per line. */
final class GkgFormat implements RecordFormat {
    @Override
    public boolean quotedLineBreaks() {
        return false;
    }

    @Override
    public Parsed parse(String record) {
        try {
            return new Parsed.Article(GkgRecord.parse(record));
        } catch (IllegalArgumentException e) {
            return new Parsed.Bad(e.getMessage());
        }
    }

    @Override
    public String unit() {
        return "records";
    }
}
