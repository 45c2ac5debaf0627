package org.influencemonitor.ingest;

import java.util.concurrent.CompletableFuture;
import org.influencemonitor.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way from a source to Kafka, so every source checks, deduplicates, dead-letters and counts
 * alike: a candidate is checked by {@link ArticleRules}; a refused one, or one that is too large as JSON,
 * or one the broker refuses, goes to {@code articles.dlq} with its reason and origin; an id already sent
 * is a duplicate; the rest is published. Each record ends in exactly one count of {@link IngestCounts},
 * when Kafka has settled it, and its {@link Outcome} completes then.
 */
public final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final ArticlePublisher publisher;
    private final ArticleRules rules;
    private final RecentIds recent;
    private final IngestCounts counts = new IngestCounts();

    public Intake(ArticlePublisher publisher, ArticleRules rules, RecentIds recent) {
        this.publisher = publisher;
        this.rules = rules;
        this.recent = recent;
    }

    public IngestCounts counts() {
        return counts;
    }

    public ArticlePublisher publisher() {
        return publisher;
    }

    /** A record that a source read as {@code candidate}. */
    public CompletableFuture<Outcome> offer(Candidate candidate, SourceRecord record) {
        counts.read();
        if (record.oversized()) {
            return deadLetter(record, tooLarge(record));
        }
        ArticleRules.Checked checked = rules.check(candidate);
        if (checked instanceof ArticleRules.Accepted accepted) {
            return publish(accepted.article(), record);
        }
        return deadLetter(record, ((ArticleRules.Refused) checked).reason());
    }

    /** A record that a source could not read as an article at all, for {@code reason}. */
    public CompletableFuture<Outcome> reject(SourceRecord record, String reason) {
        counts.read();
        return deadLetter(record, record.oversized() ? tooLarge(record) : reason);
    }

    /** A record with nothing in it, such as a blank line. */
    public Outcome skip() {
        counts.read();
        counts.skipped();
        return new Outcome.Skipped();
    }

    /**
     * A record a source already handled in an earlier run or poll (a feed item it sent before), which it
     * knows without reading it as an article.
     */
    public Outcome alreadySent(String id) {
        counts.read();
        counts.duplicate();
        return new Outcome.Duplicate(id);
    }

    private CompletableFuture<Outcome> publish(Article article, SourceRecord record) {
        byte[] value = publisher.serialize(article);
        if (value.length > IngestLimits.MAX_ARTICLE_BYTES) {
            return deadLetter(record, "the article is " + value.length + " bytes as JSON, more than the "
                    + IngestLimits.MAX_ARTICLE_BYTES + " accepted");
        }
        if (!recent.firstSighting(article.id())) {
            counts.duplicate();
            return CompletableFuture.completedFuture(new Outcome.Duplicate(article.id()));
        }
        return publisher.deliver(article, value).thenCompose(delivery -> {
            if (delivery instanceof Delivery.Acknowledged) {
                counts.published();
                return CompletableFuture.completedFuture(new Outcome.Published(article));
            }
            recent.forget(article.id());
            if (delivery instanceof Delivery.Refused refused) {
                return deadLetter(record, "Kafka refused the article: " + refused.reason());
            }
            return CompletableFuture.completedFuture(failed(record, ((Delivery.Unavailable) delivery).reason()));
        });
    }

    private CompletableFuture<Outcome> deadLetter(SourceRecord record, String reason) {
        LOG.warn("{} rejected: {}", record.origin(), reason);
        DeadLetter letter = DeadLetter.of(record.bytes(), record.size(), reason, record.origin());
        return publisher.deliver(letter).thenApply(delivery -> {
            if (delivery instanceof Delivery.Acknowledged) {
                counts.rejected();
                return new Outcome.Rejected(reason);
            }
            if (delivery instanceof Delivery.Refused refused) {
                return failed(record, "its dead letter was refused too: " + refused.reason());
            }
            return failed(record, ((Delivery.Unavailable) delivery).reason());
        });
    }

    private Outcome failed(SourceRecord record, String reason) {
        counts.failed();
        LOG.error("{} not written to Kafka: {}", record.origin(), reason);
        return new Outcome.Failed(reason);
    }

    private static String tooLarge(SourceRecord record) {
        return "the record is " + record.size() + " bytes, more than the " + IngestLimits.MAX_RECORD_BYTES
                + " accepted (the dead letter keeps its first " + IngestLimits.DEAD_LETTER_PREFIX_BYTES + " bytes)";
    }
}
