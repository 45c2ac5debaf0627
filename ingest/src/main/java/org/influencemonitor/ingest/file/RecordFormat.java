package org.influencemonitor.ingest.file;

import org.influencemonitor.ingest.Candidate;

/** How one decoded record of a file becomes a candidate article: JSON Lines or CSV. */
public interface RecordFormat {
    /** What a record turned out to be. */
    sealed interface Parsed permits Parsed.Article, Parsed.Bad, Parsed.Header {
        record Article(Candidate candidate) implements Parsed {
        }

        record Bad(String reason) implements Parsed {
        }

        /** A CSV header row: structure, not an article. */
        record Header() implements Parsed {
        }
    }

    /** True when a double-quoted field may hold line breaks (CSV). */
    boolean quotedLineBreaks();

    Parsed parse(String record);

    /** Blank line names for the summary: {@code lines} or {@code records}. */
    String unit();
}
