package org.influencemonitor.processor.rules;

import java.time.Duration;
import java.util.Optional;

/**
 * The situation a window is judged in: the pre-election lowering factor (1 outside the period), the
 * election when there is one, the window's length (which scales the baselines' decay and warm-up), the
 * feeds' level (see {@link VolumeLevel}; 1 as usual) and the factor the absolute threshold is raised by
 * when the feeds grew for good.
 */
record WindowContext(double factor, Optional<ElectionCalendar.Election> election, long windowSeconds, double level,
                     double thresholdScale) {

    static WindowContext of(WindowObservation w, ElectionCalendar calendar, RulesConfig.PreElection preElection) {
        Optional<ElectionCalendar.Election> e = calendar.electionAround(w.country(), w.windowStart(), preElection);
        double factor = e.isPresent() ? preElection.thresholdFactor() : 1.0;
        return new WindowContext(factor, e, Duration.between(w.windowStart(), w.windowEnd()).getSeconds(), 1.0, 1.0);
    }

    WindowContext withLevel(double newLevel, double newThresholdScale) {
        return new WindowContext(factor, election, windowSeconds, newLevel, newThresholdScale);
    }

    /** A count floor lowered by the factor, rounded up, at least 1. */
    int lowered(int count) {
        return Math.max(1, (int) Math.ceil(count * factor - 1e-9));
    }

    String electionText() {
        return election.map(e -> e.type() + " election of " + e.date()).orElse("election");
    }

    /** The sentence surge summaries end with in the pre-election period. */
    String preElectionNote() {
        return election.isPresent() ? " Pre-election period: " + electionText() + "." : "";
    }
}
