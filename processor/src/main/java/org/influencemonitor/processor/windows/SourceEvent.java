package org.influencemonitor.processor.windows;

import java.time.Instant;
import org.influencemonitor.model.EnrichedArticle;

/** What the article side of a source partition sees: a tagged article, or a tick of {@code monitor.clock}. */
public sealed interface SourceEvent {
    record Tagged(EnrichedArticle article) implements SourceEvent {
    }

    record Tick(Instant eventTime) implements SourceEvent {
    }
}
