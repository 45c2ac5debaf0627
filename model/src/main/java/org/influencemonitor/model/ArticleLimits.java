package org.influencemonitor.model;

/**
 * The sizes the contract allows, enforced by ingest before anything is sent and by the processor again for
 * records other producers wrote. They keep every record the monitor writes (an enriched article, a dead
 * letter) below the producer's {@code max.request.size} and the broker's {@code max.message.bytes} (about
 * 1 MiB each by default): a record the broker refuses fails the batch, or under exactly-once the whole
 * transaction, it was sent in.
 */
public final class ArticleLimits {
    /** The largest record read as one article, and the largest article value written, in bytes. */
    public static final int MAX_RECORD_BYTES = 1_000_000;
    /** Text beyond this many characters is cut by ingest and refused by the processor. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** Likewise for the title. */
    public static final int MAX_TITLE_CHARS = 1_000;
    /** Longer ids and URLs are refused: they are keys, and a key that size is a mistake, not an article. */
    public static final int MAX_ID_CHARS = 256;
    public static final int MAX_URL_CHARS = 8_192;
    /**
     * A dead letter keeps the original bytes whole up to {@link #MAX_RECORD_BYTES}; of anything larger it
     * keeps this many leading bytes, and says so in its headers ({@link DeadLetterHeaders}).
     */
    public static final int DEAD_LETTER_PREFIX_BYTES = 64 * 1024;

    private ArticleLimits() {
    }
}
