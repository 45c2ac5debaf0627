package org.influencemonitor.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;

/**
 * The input of the history run: one short article about each country in every hour of {@code days} days,
 * ending an hour before now, so the processor ends up holding a window for every country and hour of its
 * history retention (30 days). Within an hour the countries take turns, evenly spaced.
 */
record HistoryBacklog(List<CountryTemplates.Country> countries, int days, Instant start) implements ArticleSource {

    static HistoryBacklog endingBeforeNow(List<CountryTemplates.Country> countries, int days) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(days * 24L + 1));
        return new HistoryBacklog(List.copyOf(countries), days, start);
    }

    @Override
    public long articles() {
        return (long) countries.size() * days * 24;
    }

    @Override
    public Article article(long i, Instant ingestedAt) {
        long hour = i / countries.size();
        int turn = (int) (i % countries.size());
        Instant publishedAt = start.plus(Duration.ofHours(hour)).plusNanos(turn * (3_600_000_000_000L / countries.size()));
        return CountryTemplates.article(countries.get(turn), "history-" + i, publishedAt, ingestedAt);
    }

    @Override
    public long serializedBytes() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        long total = 0;
        for (long i = 0; i < articles(); i++) {
            total += serde.serialize(Topics.ARTICLES_RAW, article(i, start)).length;
        }
        return total;
    }

    @Override
    public String population() {
        return countries.size() + " countries × " + days + " d of hourly windows, 1 per window";
    }
}
