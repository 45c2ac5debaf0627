package org.influencemonitor.model;

/**
 * The topic names of the public contract. Consumers outside this project subscribe to them by name,
 * so a name here is only ever added, never changed.
 */
public final class Topics {
    /** Articles as ingested, keyed by article id. */
    public static final String ARTICLES_RAW = "articles.raw";
    /** Articles with their tags, keyed by article id. */
    public static final String ARTICLES_ENRICHED = "articles.enriched";
    /** Distinct relevant articles per country and event-time window, keyed by country. */
    public static final String MENTIONS_BY_COUNTRY = "mentions.by-country";
    /** Alert events, keyed by country. */
    public static final String ALERTS = "alerts";
    /** Whatever could not be parsed or validated, with the reason in headers and the original bytes. */
    public static final String ARTICLES_DLQ = "articles.dlq";
    /** Event-time heartbeats that move the processor's clock forward when sources are idle. */
    public static final String MONITOR_CLOCK = "monitor.clock";

    /** Relevant articles that arrived after their window closed and were not counted, keyed by country. */
    public static final String ARTICLES_LATE = "articles.late";

    /**
     * Alerts a sink channel could not deliver (after its retries) or could not read, with the channel and
     * the reason in headers and the original bytes.
     */
    public static final String ALERTS_DLQ = "alerts.dlq";

    /** Every topic the monitor reads or writes, in pipeline order. */
    public static final java.util.List<String> ALL =
            java.util.List.of(ARTICLES_RAW, ARTICLES_ENRICHED, MENTIONS_BY_COUNTRY, ALERTS, ARTICLES_DLQ, MONITOR_CLOCK,
                    ARTICLES_LATE, ALERTS_DLQ);

    private Topics() {
    }
}
