package org.influencemonitor.processor.windows;

import org.influencemonitor.model.LateArticle;

/**
 * What the counter emits, in order: a window's new state, an article that came too late to be counted,
 * or the news that every window starting at or before {@code windowStart} (epoch millis) has now closed.
 * The last lets the rules treat countries without articles as quiet for those windows, in order after
 * the closed windows themselves, whatever the task layout.
 */
public sealed interface CounterOutput {
    record Tally(WindowTally tally) implements CounterOutput {
    }

    record Late(LateArticle article) implements CounterOutput {
    }

    record ClosedThrough(long windowStart) implements CounterOutput {
    }

    /**
     * The window starting at {@code windowStart} (epoch millis) has closed with these articles per feed
     * (all source partitions; relevant or not). Emitted before that window's country tallies, so that
     * the rules know of an outage before they judge the countries' closes.
     */
    record FeedsClosed(long windowStart, java.util.Map<String, Integer> articles) implements CounterOutput {
        public FeedsClosed {
            articles = java.util.Map.copyOf(articles);
        }
    }
}
