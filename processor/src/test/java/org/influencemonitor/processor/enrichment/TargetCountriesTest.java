package org.influencemonitor.processor.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;

class TargetCountriesTest {
    private static final ArticleEnricher ENRICHER = new ArticleEnricher(Tagger.defaults());

    private static List<String> targets(String url, String title, String text) {
        Article article = new Article(1, "a", url, "x", title, text, "en", Instant.EPOCH, Instant.EPOCH);
        EnrichedArticle enriched = ENRICHER.enrich(article);
        return TargetCountries.of(enriched).stream().map(Tags.CountryTag::code).toList();
    }

    @Test
    void theActorsHomeCountryIsNotTheTargetWhenAnotherCountryIsNamed() {
        assertEquals(List.of("MD"), targets("https://news.example/1", "Russian vote buying in Moldova",
                "The Kremlin denies paying Moldovan voters before the election."));
    }

    @Test
    void theActorsHomeCountryIsTheTargetWhenItIsTheOnlyCountryNamed() {
        assertEquals(List.of("RU"), targets("https://news.example/2", "Russia votes",
                "The Kremlin tightens its grip on Russia's presidential election."));
    }

    @Test
    void aStateOutletsHomeCountryIsNotTheTargetOfItsElectionCoverage() {
        assertEquals(List.of("US"), targets("https://www.rt.com/news/123-us-election/",
                "Russia watches as the United States votes", "Americans cast ballots in the US election."));
    }
}
