package org.influencemonitor.processor.rules;

import java.util.List;
import org.influencemonitor.model.MentionWindow;

/**
 * One rule's judgement of one window.
 *
 * @param breach   the window fires the rule
 * @param elevated the window is not quiet (an open incident neither updates nor counts down: hysteresis)
 * @param count    the rule's count in the window
 * @param firing   the count at which the rule fires in this window (reported as {@code threshold})
 * @param score    the rule's score (see docs/alerting.md)
 * @param expected the baseline's expectation, or null for rules without a baseline
 * @param summary  one sentence for humans
 * @param actors   the actors to show (for new_actor: the new ones)
 */
record Verdict(boolean breach, boolean elevated, int count, int firing, double score, Double expected,
               String summary, List<MentionWindow.ActorCount> actors) {
    Verdict {
        actors = List.copyOf(actors);
    }

    /** A rule that is on but has nothing to say yet (warming up, or an input it needs is missing). */
    static Verdict silent(int count, String summary) {
        return new Verdict(false, false, count, 0, 0, null, summary, List.of());
    }

    /** What a resolved event shows when the rule was switched off since: nothing counted. */
    static final Verdict NONE = silent(0, "");
}
