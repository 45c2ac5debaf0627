package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.influencemonitor.model.Alert;

/**
 * What the rule engine sees of one country's window, open (a partial count, {@code closed == false})
 * or final ({@code closed == true}).
 *
 * @param articles                 distinct relevant articles about {@code country} in the window
 * @param mentions                 mentions of the country in those articles
 * @param fraudClaimArticles       of them, articles tagged with the narrative {@code election_fraud_claim}
 * @param stateLinkedFraudArticles of those, the ones from a state-affiliated source or naming a state-linked actor
 * @param actors                   state-linked actors in the window's articles, with their article counts
 * @param allCountriesArticles     relevant articles about any country in the same window, or -1 when unknown
 * @param evidence                 a few of the window's articles
 */
public record WindowObservation(String country, Instant windowStart, Instant windowEnd, boolean closed,
                                int articles, int mentions, int fraudClaimArticles, int stateLinkedFraudArticles,
                                List<ActorCount> actors, int allCountriesArticles, List<Alert.Evidence> evidence) {

    public WindowObservation {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("window end " + windowEnd + " is not after its start " + windowStart);
        }
        if (articles < 0 || mentions < 0 || fraudClaimArticles < 0 || stateLinkedFraudArticles < 0) {
            throw new IllegalArgumentException("negative count in window " + windowStart + " of " + country);
        }
        actors = actors == null ? List.of() : List.copyOf(actors);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * A closed window without articles. Windows without articles never leave the counter; the engine
     * fills such gaps itself, but a caller that knows time has passed may also close one explicitly
     * (which lets incidents of a country that went silent resolve without waiting for its next article).
     */
    public static WindowObservation empty(String country, Instant windowStart, Instant windowEnd) {
        return new WindowObservation(country, windowStart, windowEnd, true, 0, 0, 0, 0, List.of(), -1, List.of());
    }

    /** The same window as seen when it closes. */
    public WindowObservation asClosed() {
        return new WindowObservation(country, windowStart, windowEnd, true, articles, mentions, fraudClaimArticles,
                stateLinkedFraudArticles, actors, allCountriesArticles, evidence);
    }
}
