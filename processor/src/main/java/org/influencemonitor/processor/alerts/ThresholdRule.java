package org.influencemonitor.processor.alerts;

import java.util.Optional;
import org.influencemonitor.model.Alert;

/**
 * Fires when the distinct relevant articles about a country in one window reach a threshold. It fires
 * as soon as the window crosses the threshold, not when the window closes, so a surge is seen within
 * seconds of the article that tipped it.
 */
public record ThresholdRule(int threshold) {
    public static final String NAME = "threshold";

    public ThresholdRule {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
        }
    }

    /** The severity to alert with for a window of {@code articles} articles, or empty if the rule holds not. */
    public Optional<Alert.Severity> evaluate(int articles) {
        if (articles < threshold) {
            return Optional.empty();
        }
        return Optional.of(articles >= 2 * threshold ? Alert.Severity.CRITICAL : Alert.Severity.WARNING);
    }
}
