package org.influencemonitor.processor.windows;

import org.influencemonitor.model.LateArticle;

/** What the article side sends on: a signal for the counters, or an article too late for its window. */
public sealed interface Routed {
    record Signal(CountingSignal signal) implements Routed {
    }

    record Late(LateArticle article) implements Routed {
    }
}
