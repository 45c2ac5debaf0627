package org.influencemonitor.processor.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;

/** A source's country hints stand in for countries only when the text names none. */
class CountryHintsTest {
    private static final Instant AT = Instant.parse("2024-10-18T14:00:00Z");
    private final ArticleEnricher enricher = new ArticleEnricher(Tagger.defaults());

    private static Article article(String title, List<String> hints) {
        return new Article(1, "a1", "https://e.com/a1", "E", title, null, "en", AT, AT, hints, false, false);
    }

    @Test
    void aHeadlineThatNamesNoCountryCountsForTheSourcesHints() {
        EnrichedArticle e = enricher.enrich(article("Claims of a rigged election spread before Sunday's vote", List.of("MD", "RO")));
        assertEquals(List.of(Tags.CountryTag.hinted("MD", "Moldova"), Tags.CountryTag.hinted("RO", "Romania")),
                e.tags().countries());
        assertTrue(e.relevant(), "a country and election talk");
        assertEquals(List.of("MD", "RO"), e.countryHints(), "the hints travel on, as in articles.raw");
        assertTrue(e.tags().matches().stream().noneMatch(m -> m.type().equals("country")), "no span claims a country");
    }

    @Test
    void aTextThatNamesACountryKeepsItsOwnCountries() {
        EnrichedArticle e = enricher.enrich(article("Moldova votes on Sunday", List.of("RO", "UA")));
        assertEquals(List.of(new Tags.CountryTag("MD", "Moldova", 1)), e.tags().countries());
    }

    @Test
    void unknownCodesAreDroppedAndNoHintsChangeNothing() {
        assertEquals(List.of(), enricher.enrich(article("A vote on Sunday", List.of("XZ"))).tags().countries());
        EnrichedArticle none = enricher.enrich(article("A vote on Sunday", List.of()));
        assertEquals(List.of(), none.tags().countries());
        assertFalse(none.relevant());
    }
}
