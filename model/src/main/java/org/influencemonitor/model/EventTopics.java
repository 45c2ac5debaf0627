package org.influencemonitor.model;

/**
 * The public topics with their types: one place that says what each topic holds, used by every reader
 * and writer in this project. The names are the contract's ({@link Topics}).
 */
public final class EventTopics {
    public static final Topic<String, Article> ARTICLES_RAW = Topic.json(Topics.ARTICLES_RAW, Article.class);
    public static final Topic<String, EnrichedArticle> ARTICLES_ENRICHED =
            Topic.json(Topics.ARTICLES_ENRICHED, EnrichedArticle.class);
    public static final Topic<String, MentionWindow> MENTIONS_BY_COUNTRY =
            Topic.json(Topics.MENTIONS_BY_COUNTRY, MentionWindow.class);
    public static final Topic<String, Alert> ALERTS = Topic.json(Topics.ALERTS, Alert.class);
    public static final Topic<String, ClockTick> MONITOR_CLOCK = Topic.json(Topics.MONITOR_CLOCK, ClockTick.class);
    public static final Topic<String, LateArticle> ARTICLES_LATE = Topic.json(Topics.ARTICLES_LATE, LateArticle.class);
    /** The original key and value bytes of an alert record, unchanged: its reason travels in headers. */
    public static final Topic<byte[], byte[]> ALERTS_DLQ =
            new Topic<>(Topics.ALERTS_DLQ, org.apache.kafka.common.serialization.Serdes.ByteArray(),
                    org.apache.kafka.common.serialization.Serdes.ByteArray());

    private EventTopics() {
    }
}
