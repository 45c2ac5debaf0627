package org.influencemonitor.processor.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.influencemonitor.model.Alert;

/**
 * The lifecycle of incidents, one per (country, rule): the first breaching window opens one and emits
 * {@code firing} update 0; each later breaching window emits one update with the same id; an open window
 * that already emitted is re-emitted at its close only if the close raises the severity; after
 * {@code quietWindowsToResolve} consecutive quiet closed windows one {@code resolved} is emitted. Between
 * quiet and breaching, an elevated window neither updates nor counts down (hysteresis, no flapping).
 */
final class IncidentTracker {
    private final int quietWindowsToResolve;

    IncidentTracker(int quietWindowsToResolve) {
        this.quietWindowsToResolve = quietWindowsToResolve;
    }

    /** The id every event of one incident carries: it depends only on the rule, the country and the first window. */
    static String alertId(RuleKind rule, String country, Instant incidentStart) {
        String name = rule.wireName() + "|" + country + "|" + incidentStart;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A breaching window: opens an incident, or updates the open one (once per window, or on a raised severity at close). */
    CountryState breach(CountryState s, RuleKind rule, WindowObservation w, Verdict v, Alert.Severity severity,
                        boolean closing, List<AlertEvent> alerts) {
        Optional<IncidentState> open = s.incident(rule);
        if (open.isEmpty()) {
            IncidentState inc = new IncidentState(alertId(rule, s.country(), w.windowStart()), rule, w.windowStart(),
                    w.windowStart(), 0, w.windowStart(), severity, v.score(), 0);
            alerts.add(firing(inc, w, v, severity, 0));
            return s.withIncident(rule, inc);
        }
        IncidentState inc = open.get();
        boolean newer = w.windowStart().isAfter(inc.lastEmittedWindow());
        boolean escalation = closing && w.windowStart().equals(inc.lastEmittedWindow())
                && severity.compareTo(inc.lastEmittedSeverity()) > 0;
        Instant lastBreach = w.windowStart().isAfter(inc.lastBreachWindow()) ? w.windowStart() : inc.lastBreachWindow();
        int quiet = w.windowStart().isBefore(inc.lastBreachWindow()) ? inc.quietWindows() : 0;
        double peak = Math.max(inc.peakScore(), v.score());
        if (newer || escalation) {
            int update = inc.updates() + 1;
            IncidentState next = new IncidentState(inc.incidentId(), rule, inc.firstWindowStart(), lastBreach, quiet,
                    w.windowStart(), severity, peak, update);
            alerts.add(firing(next, w, v, severity, update));
            return s.withIncident(rule, next);
        }
        return s.withIncident(rule, new IncidentState(inc.incidentId(), rule, inc.firstWindowStart(), lastBreach, quiet,
                inc.lastEmittedWindow(), inc.lastEmittedSeverity(), peak, inc.updates()));
    }

    /**
     * A closed window that does not breach: quiet windows count towards resolution, elevated ones hold it.
     * {@code verdict} is empty when the rule is off, which counts as quiet.
     */
    CountryState notBreached(CountryState s, RuleKind rule, WindowObservation w, Optional<Verdict> verdict,
                             List<AlertEvent> alerts) {
        Optional<IncidentState> open = s.incident(rule);
        if (open.isEmpty() || !w.windowStart().isAfter(open.get().lastBreachWindow())) {
            return s;
        }
        IncidentState inc = open.get();
        boolean elevated = verdict.map(Verdict::elevated).orElse(false);
        int quiet = elevated ? 0 : inc.quietWindows() + 1;
        if (quiet >= quietWindowsToResolve) {
            Verdict shown = verdict.orElse(Verdict.NONE);
            String summary = String.format(Locale.ROOT,
                    "Resolved: %s for %s back to normal for %d closed window%s (incident since %s, peak score %.1f).",
                    rule.wireName(), s.country(), quiet, quiet == 1 ? "" : "s",
                    WindowObservation.dayTime(inc.firstWindowStart()), inc.peakScore());
            alerts.add(new AlertEvent(inc.incidentId(), rule, s.country(), w.windowStart(), w.windowEnd(), shown.count(),
                    shown.firing(), inc.lastEmittedSeverity(), Alert.Status.RESOLVED, shown.score(), shown.expected(),
                    summary, List.of(), List.of(), inc.firstWindowStart(), inc.updates() + 1));
            return s.withIncident(rule, null);
        }
        return s.withIncident(rule, new IncidentState(inc.incidentId(), rule, inc.firstWindowStart(),
                inc.lastBreachWindow(), quiet, inc.lastEmittedWindow(), inc.lastEmittedSeverity(), inc.peakScore(),
                inc.updates()));
    }

    private static AlertEvent firing(IncidentState inc, WindowObservation w, Verdict v, Alert.Severity severity,
                                     int update) {
        return new AlertEvent(inc.incidentId(), inc.rule(), w.country(), w.windowStart(), w.windowEnd(), v.count(),
                v.firing(), severity, Alert.Status.FIRING, v.score(), v.expected(), v.summary(), w.listedEvidence(),
                v.actors(), inc.firstWindowStart(), update);
    }
}
