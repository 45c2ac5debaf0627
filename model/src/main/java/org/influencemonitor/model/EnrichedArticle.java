package org.influencemonitor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The value of {@code articles.enriched}: the article with every field it had in {@code articles.raw}, its
 * tags, whether it counts towards alerts, and (absent when unknown) the state-linked actor that runs the
 * article's own outlet.
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        String url,
        String source,
        String title,
        String text,
        String language,
        Instant publishedAt,
        Instant ingestedAt,
        Tags tags,
        boolean relevant,
        Tags.ActorTag sourceActor,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> countryHints,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean truncated,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean publishedAtFromIngest) {

    public EnrichedArticle {
        countryHints = countryHints == null ? List.of() : List.copyOf(countryHints);
    }

    /** As the contract had it before the feeds' fields: no hints, nothing truncated, a time from the source. */
    public EnrichedArticle(int schemaVersion, String id, String url, String source, String title, String text,
                           String language, Instant publishedAt, Instant ingestedAt, Tags tags, boolean relevant,
                           Tags.ActorTag sourceActor) {
        this(schemaVersion, id, url, source, title, text, language, publishedAt, ingestedAt, tags, relevant,
                sourceActor, List.of(), false, false);
    }

    /** {@code sourceActor} is the state-linked actor behind the article's own outlet, or null when unknown. */
    public static EnrichedArticle of(Article article, Tags tags, boolean relevant, Tags.ActorTag sourceActor) {
        return new EnrichedArticle(Article.SCHEMA_VERSION, article.id(), article.url(), article.source(),
                article.title(), article.text(), article.language(), article.publishedAt(), article.ingestedAt(),
                tags, relevant, sourceActor, article.countryHints(), article.truncated(), article.publishedAtFromIngest());
    }
}
