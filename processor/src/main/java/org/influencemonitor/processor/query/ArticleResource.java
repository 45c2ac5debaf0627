package org.influencemonitor.processor.query;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.influencemonitor.model.EnrichedArticle;

/**
 * {@code /articles/{id}}: an enriched article this instance read recently (an alert's evidence), with its
 * tags and matched spans. Every instance reads every partition of {@code articles.enriched} for this, so
 * whichever is asked answers; an article it no longer holds is 404.
 */
final class ArticleResource {
    private final Function<String, Optional<EnrichedArticle>> articles;

    ArticleResource(Function<String, Optional<EnrichedArticle>> articles) {
        this.articles = articles;
    }

    Reply answer(String id, QueryRequest request) {
        request.allowOnly(Set.of());
        return articles.apply(id).map(Reply::json).orElseThrow(() -> QueryException.notFound(
                "article " + id + " is not among the recent articles this instance holds"));
    }
}
