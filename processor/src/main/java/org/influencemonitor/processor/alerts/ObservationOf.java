package org.influencemonitor.processor.alerts;

import org.influencemonitor.processor.rules.ActorCount;
import org.influencemonitor.processor.rules.WindowObservation;
import org.influencemonitor.processor.windows.WindowTally;

/** Turns a window's tally into what the rule engine reads. */
final class ObservationOf {
    private ObservationOf() {
    }

    /** {@code allCountries} is the window's all-countries total, or -1 when it is not known. */
    static WindowObservation tally(WindowTally tally, int allCountries) {
        return new WindowObservation(tally.country(), tally.windowStart(), tally.windowEnd(), tally.closed(),
                tally.articles(), tally.mentions(), tally.fraudClaimArticles(), tally.stateLinkedFraudArticles(),
                tally.actorBreakdown().stream()
                        .map(a -> new ActorCount(a.id(), a.name(), a.country(), a.kind().wireName(), a.articles()))
                        .toList(),
                allCountries, tally.evidence());
    }
}
