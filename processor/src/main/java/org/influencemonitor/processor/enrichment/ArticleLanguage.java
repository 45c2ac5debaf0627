package org.influencemonitor.processor.enrichment;

import java.util.Optional;
import java.util.function.Function;
import org.influencemonitor.language.LanguageDetector;
import org.influencemonitor.model.Article;

/**
 * The language the tagger reads an article in: the {@code language} the article carries, or, when it
 * has none, the one {@link LanguageDetector} finds in its title and text (null if neither says), so
 * that lines restricted to one language apply to articles that did not declare theirs. The detected
 * language is not written into the enriched event: {@code language} stays what the source said.
 */
public final class ArticleLanguage {
    private final Function<String, Optional<String>> detect;

    private ArticleLanguage(Function<String, Optional<String>> detect) {
        this.detect = detect;
    }

    /** Detection with the shared {@link LanguageDetector#defaults()}, loaded on the first article that needs it. */
    public static ArticleLanguage detectingWhenAbsent() {
        return new ArticleLanguage(text -> LanguageDetector.defaults().detect(text));
    }

    /** No detection: an article without a language is tagged with every dictionary line. */
    public static ArticleLanguage declaredOnly() {
        return new ArticleLanguage(text -> Optional.empty());
    }

    public String of(Article article) {
        if (article.language() != null && !article.language().isBlank()) {
            return article.language();
        }
        String title = article.title() == null ? "" : article.title();
        String text = article.text() == null ? "" : article.text();
        return detect.apply(title + "\n\n" + text).orElse(null);
    }
}
