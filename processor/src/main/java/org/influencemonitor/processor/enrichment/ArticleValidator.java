package org.influencemonitor.processor.enrichment;

import java.time.Duration;
import java.time.Instant;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ArticleLimits;
import org.influencemonitor.model.PublicationTimes;

/**
 * Rejects articles that would corrupt counts: no id (every downstream count is of distinct ids),
 * or nothing to tag; and what ingest never sends but another producer might: a time outside
 * {@link PublicationTimes}, or fields past {@link ArticleLimits} (stores keep ids, URLs and titles of
 * evidence articles, and a record too large for the broker would stop the processor). A missing
 * {@code published_at} is allowed: event time falls back to the record's own timestamp, which ingest sets
 * to the ingest time.
 */
public final class ArticleValidator {
    private ArticleValidator() {
    }

    /** As {@link #validate(Article)}, and rejects a {@code published_at} outside the accepted times at {@code now}. */
    public static Article validate(Article article, Instant now, Duration futureTolerance) {
        validate(article);
        if (article.publishedAt() != null) {
            PublicationTimes.refusal("published_at", article.publishedAt(), now, futureTolerance).ifPresent(reason -> {
                throw new InvalidArticleException("article " + article.id() + ": " + reason);
            });
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
        requireAtMost("id", article.id(), ArticleLimits.MAX_ID_CHARS, null);
        requireAtMost("url", article.url(), ArticleLimits.MAX_URL_CHARS, article.id());
        requireAtMost("source", article.source(), ArticleLimits.MAX_TITLE_CHARS, article.id());
        requireAtMost("title", article.title(), ArticleLimits.MAX_TITLE_CHARS, article.id());
        requireAtMost("text", article.text(), ArticleLimits.MAX_TEXT_CHARS, article.id());
        if (isBlank(article.title()) && isBlank(article.text())) {
            throw new InvalidArticleException("article " + article.id() + " has neither title nor text");
        }
        return article;
    }

    private static void requireAtMost(String field, String value, int maxChars, String id) {
        if (value != null && value.length() > maxChars) {
            throw new InvalidArticleException((id == null ? "" : "article " + id + ": ") + field + " is " + value.length()
                    + " characters long, more than the " + maxChars + " accepted");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
