package org.influencemonitor.processor.rules;

import java.time.Duration;
import java.util.Optional;

/**
 * The situation a window is judged in: the pre-election lowering factor (1 outside the period), the
 * election when there is one, the window's length (which scales the baselines' decay and warm-up), the
 * feeds' level (see {@link VolumeLevel}; 1 as usual), the factor the absolute threshold is raised by
 * when the feeds grew for good, and how uncertain the level is, as a Gamma shape (infinite: known).
 */
record WindowContext(double factor, Optional<ElectionCalendar.Election> election, long windowSeconds, double level,
                     double thresholdScale, double levelShape) {

    static WindowContext of(WindowObservation w, ElectionCalendar calendar, RulesConfig.PreElection preElection) {
        Optional<ElectionCalendar.Election> e = calendar.electionAround(w.country(), w.windowStart(), preElection);
        double factor = e.isPresent() ? preElection.thresholdFactor() : 1.0;
        return new WindowContext(factor, e, Duration.between(w.windowStart(), w.windowEnd()).getSeconds(), 1.0, 1.0,
                Double.POSITIVE_INFINITY);
    }

    WindowContext withLevel(double newLevel, double newThresholdScale) {
        return new WindowContext(factor, election, windowSeconds, newLevel, newThresholdScale, levelShape);
    }

    /** The level taken as uncertain: a Gamma of {@code shape} around {@link #level()}. */
    WindowContext withLevelShape(double shape) {
        return new WindowContext(factor, election, windowSeconds, level, thresholdScale, shape);
    }

    /**
     * A Gamma(a, b) rate per unit of level widened by the level's own uncertainty: the product of the two
     * Gammas matched by the Gamma of the same mean and variance. Unchanged when the level is known.
     */
    double[] widened(double a, double b) {
        if (Double.isInfinite(levelShape)) {
            return new double[] {a, b};
        }
        double shape = 1.0 / (1.0 / a + 1.0 / levelShape + 1.0 / (a * levelShape));
        return new double[] {shape, b * shape / a};
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
