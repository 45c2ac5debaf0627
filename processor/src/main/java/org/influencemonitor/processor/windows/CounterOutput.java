package org.influencemonitor.processor.windows;

import org.influencemonitor.model.LateArticle;

/** What the counter emits: a window's new state, or an article that came too late to be counted. */
public record CounterOutput(WindowTally tally, LateArticle late) {
    static CounterOutput of(WindowTally tally) {
        return new CounterOutput(tally, null);
    }

    static CounterOutput of(LateArticle late) {
        return new CounterOutput(null, late);
    }

    public boolean isLate() {
        return late != null;
    }
}
