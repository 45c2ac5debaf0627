package org.influencemonitor.processor.windows;

import org.influencemonitor.model.LateArticle;

/**
 * What the counter emits: a window's new state, an article that came too late to be counted, or the news
 * that every window starting at or before {@code closedThrough} (epoch millis) has now closed. The last
 * lets the rules treat countries without articles as quiet for those windows, in order after the closed
 * windows themselves, whatever the task layout.
 */
public record CounterOutput(WindowTally tally, LateArticle late, Long closedThrough) {
    static CounterOutput of(WindowTally tally) {
        return new CounterOutput(tally, null, null);
    }

    static CounterOutput of(LateArticle late) {
        return new CounterOutput(null, late, null);
    }

    static CounterOutput closedThrough(long windowStart) {
        return new CounterOutput(null, null, windowStart);
    }

    public boolean isLate() {
        return late != null;
    }

    public boolean isTally() {
        return tally != null;
    }
}
