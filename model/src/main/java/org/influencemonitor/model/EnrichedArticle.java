package org.influencemonitor.model;

import java.time.Instant;

/** The value of {@code articles.enriched}: the article, its tags, and whether it counts towards alerts. */
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
        boolean relevant) {

    public static EnrichedArticle of(Article article, Tags tags, boolean relevant) {
        return new EnrichedArticle(Article.SCHEMA_VERSION, article.id(), article.url(), article.source(),
                article.title(), article.text(), article.language(), article.publishedAt(), article.ingestedAt(),
                tags, relevant);
    }
}
