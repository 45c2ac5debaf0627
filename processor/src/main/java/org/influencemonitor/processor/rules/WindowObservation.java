package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;

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
                                List<MentionWindow.ActorCount> actors, int allCountriesArticles, List<Alert.Evidence> evidence) {

    /** How many actors and evidence articles an event lists. */
    static final int MAX_LISTED = 5;
    /** Actors by articles, most first, ties by id. */
    static final Comparator<MentionWindow.ActorCount> MOST_ARTICLES =
            Comparator.comparingInt(MentionWindow.ActorCount::articles).reversed()
                    .thenComparing(MentionWindow.ActorCount::id);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

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

    /** The window as summaries name it: "2026-10-01 10:00–11:00 UTC". */
    String label() {
        return DAY_TIME.format(windowStart) + "–" + TIME.format(windowEnd) + " UTC";
    }

    /** The actors events list: the five in most articles. */
    List<MentionWindow.ActorCount> topActors() {
        return actors.stream().sorted(MOST_ARTICLES).limit(MAX_LISTED).toList();
    }

    /** The evidence events list. */
    List<Alert.Evidence> listedEvidence() {
        return evidence.stream().limit(MAX_LISTED).toList();
    }

    static String dayTime(Instant t) {
        return DAY_TIME.format(t) + " UTC";
    }
}
