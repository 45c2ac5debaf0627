package org.influencemonitor.processor.alerts;

import java.time.Instant;
import org.influencemonitor.model.Alert;
import org.influencemonitor.processor.rules.AlertEvent;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RulesConfig;
import org.influencemonitor.processor.windows.WindowTally;

/** Maps the engine's incident events onto the public alert event, adding the window's terms and the calendar. */
public final class AlertMapper {
    private final ElectionCalendar calendar;
    private final RulesConfig.PreElection preElection;

    public AlertMapper(ElectionCalendar calendar, RulesConfig.PreElection preElection) {
        this.calendar = calendar;
        this.preElection = preElection;
    }

    Alert toAlert(AlertEvent event, WindowTally window, Instant now) {
        Alert.Election election = calendar.electionAround(event.country(), event.windowStart(), preElection)
                .map(e -> new Alert.Election(e.date(), e.type())).orElse(null);
        return new Alert(1, event.alertId(), event.rule().wireName(), event.country(), event.windowStart(),
                event.windowEnd(), event.articles(), event.threshold(), event.severity(), event.status(),
                event.evidence(), now, event.score(), event.expected(), event.summary(), event.incidentStart(),
                event.update(), event.topActors(), window.topTerms(), election);
    }
}
