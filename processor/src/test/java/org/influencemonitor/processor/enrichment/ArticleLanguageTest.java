package org.influencemonitor.processor.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;

class ArticleLanguageTest {
    private static Article article(String title, String text, String language) {
        return new Article(1, "a", "https://news.example/a", "x", title, text, language, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void theDeclaredLanguageWinsAndAMissingOneIsDetected() {
        ArticleLanguage language = ArticleLanguage.detectingWhenAbsent();
        assertEquals("pt-BR", language.of(article("Eleições", "Houve fraude nas eleições do Brasil.", "pt-BR")));
        assertEquals("pl", language.of(article("Wybory w Polsce", "Opozycja twierdzi, że wybory zostały sfałszowane.", null)));
        assertEquals("ka", language.of(article("არჩევნები საქართველოში", "", " ")));
        assertNull(language.of(article("", "12:00 — 45 %", null)));
    }

    @Test
    void aDetectedLanguageBringsItsOwnForms() {
        // "Rosji" and "Węgrzech" are Polish case forms, restricted to Polish articles.
        Article article = article("Wybory w Rosji", "Opozycja na Węgrzech twierdzi, że wybory zostały sfałszowane.", null);
        List<String> detected = countries(new ArticleEnricher(Tagger.defaults()).enrich(article));
        List<String> undetected = countries(new ArticleEnricher(Tagger.defaults(), ArticleLanguage.declaredOnly()).enrich(article));
        assertEquals(List.of("HU", "RU"), detected);
        assertEquals(List.of(), undetected);
    }

    private static List<String> countries(EnrichedArticle e) {
        return e.tags().countries().stream().map(Tags.CountryTag::code).sorted().toList();
    }
}
