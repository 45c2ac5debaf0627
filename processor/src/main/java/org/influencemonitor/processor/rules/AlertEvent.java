package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;

/**
 * One event of an incident, to be mapped onto the public {@code Alert}.
 *
 * @param alertId       name-based UUID of {@code rule|country|incidentStart}: the same for all events of an incident
 * @param articles      the rule's count in the window: articles (threshold, spike, share), state-linked fraud-claim
 *                      articles (narrative), articles naming new actors (new_actor)
 * @param threshold     the count at which the rule fires in this window (for threshold: the effective threshold)
 * @param score         the rule's score (see docs/alerting.md)
 * @param expected      the baseline's expectation for the count, or null when the rule has none
 * @param summary       one sentence for humans
 * @param evidence      up to 5 articles of the window
 * @param topActors     up to 5 actors (for new_actor: the new ones)
 * @param incidentStart the start of the window that opened the incident
 * @param update        0 for the first firing, then 1, 2, ... (the resolved event is the last number)
 */
public record AlertEvent(String alertId, RuleKind rule, String country, Instant windowStart, Instant windowEnd,
                         int articles, int threshold, Alert.Severity severity, Alert.Status status, double score,
                         Double expected, String summary, List<Alert.Evidence> evidence,
                         List<MentionWindow.ActorCount> topActors, Instant incidentStart, int update) {

    public AlertEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        topActors = topActors == null ? List.of() : List.copyOf(topActors);
    }
}
