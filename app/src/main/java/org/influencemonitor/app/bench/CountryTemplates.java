package org.influencemonitor.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.influencemonitor.ingest.ArticleIdentity;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import org.influencemonitor.processor.enrichment.TargetCountries;
import org.influencemonitor.processor.tagging.Tagger;

/**
 * Short generated articles about one named country ("Election in Moldova: voters go to the polls"), for
 * surges and for filling history. Countries come from the JDK's ISO 3166-1 list with English names, and
 * only those the processor's own tagger counts for exactly that country (relevant, one target) are used,
 * checked here with the same enricher the processor runs, so no surge or history window is lost to a name
 * the tagger does not know.
 */
final class CountryTemplates {
    record Country(String code, String name) {
    }

    private final ArticleEnricher enricher;

    CountryTemplates(Tagger tagger) {
        this.enricher = new ArticleEnricher(tagger);
    }

    static Article article(Country country, String urlSuffix, Instant publishedAt, Instant ingestedAt) {
        String url = "https://bench.invalid/" + country.code().toLowerCase(Locale.ROOT) + "/" + urlSuffix;
        return new Article(Article.SCHEMA_VERSION, ArticleIdentity.idFor(url), url, "bench-generated",
                "Election in " + country.name() + ": voters go to the polls",
                "Voters in " + country.name() + " go to the polls today in a national election. Polling stations "
                        + "opened at seven in the morning and the count begins when they close.",
                "en", publishedAt, ingestedAt);
    }

    /** Every ISO country whose template article the tagger counts for that country alone. */
    List<Country> countries() {
        List<Country> out = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            Country country = new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
            EnrichedArticle tagged = enricher.enrich(article(country, "check", Instant.now(), Instant.now()));
            List<Tags.CountryTag> targets = TargetCountries.of(tagged);
            if (tagged.relevant() && targets.size() == 1 && targets.get(0).code().equals(code)) {
                out.add(country);
            }
        }
        return out;
    }

    /** The countries any of {@code bodies} names, so surges can avoid countries the background also counts for. */
    Set<String> namedBy(ArticleBodies bodies) {
        Set<String> named = new TreeSet<>();
        for (ArticleBodies.Body body : bodies.all()) {
            Article article = new Article(Article.SCHEMA_VERSION, "check", body.url(), body.source(), body.title(),
                    body.text(), "en", Instant.now(), Instant.now());
            enricher.enrich(article).tags().countries().forEach(c -> named.add(c.code()));
        }
        return named;
    }
}
