package org.influencemonitor.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.influencemonitor.ingest.ArticleIdentity;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;

/**
 * The input of one throughput measurement: {@code articles} copies of the corpus articles, one every
 * 3600/{@code perWindow} s of event time from an hour boundary, so every hourly window holds
 * {@code perWindow} articles (the last one possibly fewer), ending at least an hour before now so that
 * none is dated in the processor's future. Article {@code i} is the same in every run with this backlog,
 * so the pass-through and the processor read identical input.
 */
record Backlog(ArticleBodies bodies, long articles, int perWindow, Instant start, String tag) implements ArticleSource {

    static Backlog endingBeforeNow(ArticleBodies bodies, long articles, int perWindow, String tag) {
        long hours = (articles + perWindow - 1) / perWindow;
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours + 1));
        return new Backlog(bodies, articles, perWindow, start, tag);
    }

    Instant publishedAt(long i) {
        return start.plusNanos(i * 3_600_000_000_000L / perWindow);
    }

    /** The fullest window's article count: {@code perWindow}, unless there are fewer articles than that. */
    long fullestWindow() {
        return Math.min(articles, perWindow);
    }

    @Override
    public String population() {
        return String.valueOf(fullestWindow());
    }

    /**
     * One serialization per distinct body: copies differ only in the digits of their URL suffix, a few
     * bytes in 3.5 KB, and the producer's timed loop is not burdened with a second serialization.
     */
    @Override
    public long serializedBytes() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        int distinct = (int) Math.min(articles, bodies.size());
        long[] size = new long[distinct];
        for (int b = 0; b < distinct; b++) {
            size[b] = serde.serialize(Topics.ARTICLES_RAW, article(b, Instant.now())).length;
        }
        long total = 0;
        for (long i = 0; i < articles; i++) {
            total += size[(int) (i % bodies.size())];
        }
        return total;
    }

    @Override
    public Article article(long i, Instant ingestedAt) {
        ArticleBodies.Body body = bodies.get(i);
        String url = body.copyUrl("bench-" + tag + "-" + i);
        return new Article(Article.SCHEMA_VERSION, ArticleIdentity.idFor(url), url, body.source(), body.title(),
                body.text(), "en", publishedAt(i), ingestedAt);
    }
}
