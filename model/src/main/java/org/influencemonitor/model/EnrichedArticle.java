package org.influencemonitor.model;

import java.time.Instant;

/**
 * The value of {@code articles.enriched}: the article, its tags, whether it counts towards alerts, and
 * (absent when unknown) the state-linked actor that runs the article's own outlet.
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
        Tags.ActorTag sourceActor) {

    /** {@code sourceActor} is the state-linked actor behind the article's own outlet, or null when unknown. */
    public static EnrichedArticle of(Article article, Tags tags, boolean relevant, Tags.ActorTag sourceActor) {
        return new EnrichedArticle(Article.SCHEMA_VERSION, article.id(), article.url(), article.source(),
                article.title(), article.text(), article.language(), article.publishedAt(), article.ingestedAt(),
                tags, relevant, sourceActor);
    }
}
