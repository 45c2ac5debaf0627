package org.influencemonitor.processor.rules;

import java.time.Instant;
import org.influencemonitor.model.Alert;

/**
 * An open incident of one rule for one country.
 *
 * @param incidentId         the alert id all its events carry
 * @param firstWindowStart   the window that opened it
 * @param lastBreachWindow   the latest window that breached the rule
 * @param quietWindows       consecutive quiet closed windows since then
 * @param lastEmittedWindow  the latest window an event was emitted for
 * @param lastEmittedSeverity the severity of that event
 * @param peakScore          the highest score seen
 * @param updates            the update number of the last emitted event (0 = the first firing)
 */
public record IncidentState(String incidentId, RuleKind rule, Instant firstWindowStart, Instant lastBreachWindow,
                            int quietWindows, Instant lastEmittedWindow, Alert.Severity lastEmittedSeverity, double peakScore,
                            int updates) {
}
