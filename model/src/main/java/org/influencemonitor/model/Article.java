package org.influencemonitor.model;

import java.time.Instant;

/**
 * A news article as ingested, the value of {@code articles.raw}. {@code id} is derived from the
 * canonical URL, so re-ingesting the same article yields the same key.
 */
public record Article(
        int schemaVersion,
        String id,
        String url,
        String source,
        String title,
        String text,
        String language,
        Instant publishedAt,
        Instant ingestedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Article withIdentity(String newId, Instant newIngestedAt) {
        return new Article(SCHEMA_VERSION, newId, url, source, title, text, language, publishedAt, newIngestedAt);
    }
}
