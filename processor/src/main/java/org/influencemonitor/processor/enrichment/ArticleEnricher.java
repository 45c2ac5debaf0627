package org.influencemonitor.processor.enrichment;

import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.tagging.Tagger;

/**
 * Turns an article into the public enriched event: tags from the {@link Tagger} in the article's
 * language ({@link ArticleLanguage}: the one it carries, else the detected one), the outlet's
 * state-linked owner if known, and the relevance flag that decides whether it is counted. When the text
 * names no country, the source's {@link CountryHints} stand in.
 */
public final class ArticleEnricher {
    private final Tagger tagger;
    private final ArticleLanguage language;
    private final CountryHints hints;

    public ArticleEnricher(Tagger tagger) {
        this(tagger, ArticleLanguage.detectingWhenAbsent());
    }

    public ArticleEnricher(Tagger tagger, ArticleLanguage language) {
        this.tagger = tagger;
        this.language = language;
        this.hints = new CountryHints(tagger::countryName);
    }

    public EnrichedArticle enrich(Article article) {
        Tags tags = hints.apply(tagger.tag(article.title(), article.text(), language.of(article)), article.countryHints());
        Tags.ActorTag sourceActor = tagger.sourceActor(article.url(), article.source()).orElse(null);
        return EnrichedArticle.of(article, tags, isRelevant(tags, sourceActor), sourceActor);
    }

    /**
     * An article counts towards a country's alerts when it names the country and either talks about an
     * election or involves a state-linked actor (in the text or as the outlet itself). A country named in
     * passing in a sports report does not count; neither does election talk that names no country.
     */
    static boolean isRelevant(Tags tags, Tags.ActorTag sourceActor) {
        if (tags.countries().isEmpty()) {
            return false;
        }
        return !tags.electionTerms().isEmpty() || !tags.actors().isEmpty() || sourceActor != null;
    }
}
