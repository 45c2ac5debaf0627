package org.influencemonitor.ingest;

import org.influencemonitor.model.Article;

/** What became of one record a source read; exactly one of these is counted for it. */
public sealed interface Outcome permits Outcome.Published, Outcome.Duplicate, Outcome.Rejected, Outcome.Skipped,
        Outcome.Failed {
    /** Acknowledged on {@code articles.raw}. */
    record Published(Article article) implements Outcome {
    }

    /** An article this source has already sent (same id); not sent again. */
    record Duplicate(String id) implements Outcome {
    }

    /** Not an article; acknowledged on {@code articles.dlq} with this reason. */
    record Rejected(String reason) implements Outcome {
    }

    /** Nothing to read (a blank line). */
    record Skipped() implements Outcome {
    }

    /** Kafka acknowledged it neither as an article nor as a dead letter. */
    record Failed(String reason) implements Outcome {
    }
}
