package org.influencemonitor.processor.enrichment;

import org.influencemonitor.model.Article;

/**
 * Rejects articles that would corrupt counts: no id (every downstream count is of distinct ids),
 * or nothing to tag. A missing {@code published_at} is allowed: event time falls back to the record's
 * own timestamp, which ingest sets to the ingest time.
 */
public final class ArticleValidator {
    private ArticleValidator() {
    }

    /** As {@link #validate(Article)}, and rejects a {@code published_at} beyond {@code now + futureTolerance}. */
    public static Article validate(Article article, java.time.Instant now, java.time.Duration futureTolerance) {
        validate(article);
        if (article.publishedAt() != null && article.publishedAt().isAfter(now.plus(futureTolerance))) {
            throw new InvalidArticleException("article " + article.id() + " is dated " + article.publishedAt()
                    + ", more than " + futureTolerance + " in the future (processor clock " + now + ")");
        }
        return article;
    }

    public static Article validate(Article article) {
        if (article == null) {
            throw new InvalidArticleException("empty record value: an article is required");
        }
        if (article.schemaVersion() > Article.SCHEMA_VERSION) {
            throw new InvalidArticleException("unsupported schema_version " + article.schemaVersion()
                    + " (this processor reads up to " + Article.SCHEMA_VERSION + ")");
        }
        if (isBlank(article.id())) {
            throw new InvalidArticleException("article has no id");
        }
        if (isBlank(article.title()) && isBlank(article.text())) {
            throw new InvalidArticleException("article " + article.id() + " has neither title nor text");
        }
        if (article.publishedAt() != null && article.publishedAt().isBefore(java.time.Instant.EPOCH)) {
            // As ingest rejects it: no news is dated before 1970, and Kafka has no time before it.
            throw new InvalidArticleException("article " + article.id() + " is dated " + article.publishedAt()
                    + ", before 1970");
        }
        return article;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
