package org.influencemonitor.processor.alerts;

import org.influencemonitor.processor.rules.WindowObservation;
import org.influencemonitor.processor.windows.WindowTally;

/** Turns a window's tally into what the rule engine reads. */
final class ObservationOf {
    private ObservationOf() {
    }

    /** The tally's all-countries total goes along as the observation's (-1 when not known). */
    static WindowObservation tally(WindowTally tally) {
        return new WindowObservation(tally.country(), tally.windowStart(), tally.windowEnd(), tally.closed(),
                tally.articles(), tally.mentions(), tally.fraudClaimArticles(), tally.stateLinkedFraudArticles(),
                tally.actorBreakdown(),
                tally.allCountriesArticles(), tally.evidence());
    }
}
