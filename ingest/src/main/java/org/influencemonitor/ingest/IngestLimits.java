package org.influencemonitor.ingest;

import org.influencemonitor.model.ArticleLimits;

/**
 * The sizes every source enforces before anything reaches Kafka, documented in the README. A record the
 * broker would refuse fails its whole batch, good articles included, so nothing that large is ever sent:
 * the largest record ingest writes stays below the producer's {@code max.request.size} and the broker's
 * {@code max.message.bytes} (both about 1 MiB by default), with room for the key and the headers.
 */
public final class IngestLimits {
    /** The largest input line, CSV record or pushed record read as one article; larger ones are rejected. */
    public static final int MAX_RECORD_BYTES = ArticleLimits.MAX_RECORD_BYTES;
    /** The largest article value written to {@code articles.raw}, as JSON. */
    public static final int MAX_ARTICLE_BYTES = MAX_RECORD_BYTES;
    /** Text beyond this many characters is cut (at a code point boundary) and the article flagged truncated. */
    public static final int MAX_TEXT_CHARS = ArticleLimits.MAX_TEXT_CHARS;
    /** Likewise for the title. */
    public static final int MAX_TITLE_CHARS = ArticleLimits.MAX_TITLE_CHARS;
    /**
     * A dead letter keeps the original bytes whole up to {@link #MAX_RECORD_BYTES}; of anything larger it
     * keeps this many leading bytes, and says so in its headers.
     */
    public static final int DEAD_LETTER_PREFIX_BYTES = ArticleLimits.DEAD_LETTER_PREFIX_BYTES;

    private IngestLimits() {
    }
}
