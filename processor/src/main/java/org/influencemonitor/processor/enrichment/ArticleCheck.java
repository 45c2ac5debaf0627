package org.influencemonitor.processor.enrichment;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.influencemonitor.model.Article;

/**
 * Validates each article against the processor's wall clock: an article dated further in the future than
 * the tolerance is rejected rather than counted, because it would push event time ahead and close every
 * open window early.
 */
public final class ArticleCheck implements FixedKeyProcessor<String, Article, Article> {
    private final Duration futureTolerance;
    private FixedKeyProcessorContext<String, Article> context;

    public ArticleCheck(Duration futureTolerance) {
        this.futureTolerance = futureTolerance;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        Article article = ArticleValidator.validate(record.value(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()), futureTolerance);
        context.forward(record.withValue(article));
    }
}
