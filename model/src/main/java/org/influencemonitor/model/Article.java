package org.influencemonitor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A news article as ingested, the value of {@code articles.raw}. {@code id} is derived from the
 * canonical URL, so re-ingesting the same article yields the same key.
 *
 * <p>The last three components were added for the feeds (issue 10) and are absent from the JSON when
 * they say nothing: {@code countryHints} are ISO 3166-1 alpha-2 codes a source names the article's
 * locations with (GDELT's), {@code truncated} says the title or text was cut at ingest's limits, and
 * {@code publishedAtFromIngest} says the source gave no time, so {@code publishedAt} is the ingest time.
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
        Instant ingestedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> countryHints,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean truncated,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean publishedAtFromIngest) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        countryHints = countryHints == null ? List.of() : List.copyOf(countryHints);
    }

    /** An article as the first cut of the contract had it: no hints, nothing truncated, a time from the source. */
    public Article(int schemaVersion, String id, String url, String source, String title, String text, String language,
                   Instant publishedAt, Instant ingestedAt) {
        this(schemaVersion, id, url, source, title, text, language, publishedAt, ingestedAt, List.of(), false, false);
    }

    public Article withIdentity(String newId, Instant newIngestedAt) {
        return new Article(SCHEMA_VERSION, newId, url, source, title, text, language, publishedAt, newIngestedAt,
                countryHints, truncated, publishedAtFromIngest);
    }
}
