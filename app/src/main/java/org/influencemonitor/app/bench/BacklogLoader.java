package org.influencemonitor.app.bench;

import java.time.Instant;
import java.util.Properties;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Topics;

/**
 * Writes a backlog to {@code articles.raw} with ingest's own producer ({@link ArticlePublisher}: the same
 * JSON, key, idempotence, {@code acks=all}, batching and compression as {@code monitor ingest}), and
 * times it from the first send to the end of the final flush: the producer's rate on this broker.
 */
final class BacklogLoader {
    private BacklogLoader() {
    }

    /** What loading took; {@code bytes} counts the article JSON values as serialized, before compression. */
    record Load(long articles, long bytes, double seconds) {
    }

    static Load load(String bootstrapServers, Properties clientProperties, ArticleSource backlog) {
        long bytes = backlog.serializedBytes();
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrapServers, clientProperties)) {
            long started = System.nanoTime();
            Instant ingestedAt = Instant.now();
            for (long i = 0; i < backlog.articles(); i++) {
                publisher.publish(backlog.article(i, ingestedAt));
            }
            publisher.flush();
            return new Load(backlog.articles(), bytes, (System.nanoTime() - started) / 1e9);
        } catch (IllegalStateException e) {
            throw new BenchFailure("loading " + Topics.ARTICLES_RAW + " failed: " + e.getMessage(), e);
        }
    }
}
