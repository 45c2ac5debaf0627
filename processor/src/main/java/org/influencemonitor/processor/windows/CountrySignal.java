package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.MentionWindow;

/**
 * What flows from the article side to the by-country side of the topology: either one relevant
 * article's mention of a country, with what the rules need to know about the article, or a clock signal
 * saying event time has reached {@code eventTime}. Clock signals go to every partition, so a partition
 * whose countries are quiet still sees time pass and closes its windows.
 *
 * @param fraudClaim  the article carries the {@code election_fraud_claim} narrative
 * @param stateLinked the article comes from a state-affiliated outlet or names a state-linked actor
 * @param actors      the state-linked actors the article names or comes from (articles = 1 each)
 * @param terms       the election terms matched in the article, with their mentions
 */
public record CountrySignal(Kind kind, String country, String articleId, int mentions, String title, String url,
                            Instant eventTime, String source, boolean fraudClaim, boolean stateLinked,
                            List<MentionWindow.ActorCount> actors, List<MentionWindow.TermCount> terms) {

    /**
     * {@code TOTAL} counts one relevant article towards the all-countries total of its window; like clock
     * signals, totals go to every partition, so each partition knows the total its countries' shares are
     * of without asking another.
     */
    public enum Kind { MENTION, CLOCK, TOTAL }

    /** The pseudo-country the all-countries totals are counted under; never an ISO code. */
    public static final String ALL_COUNTRIES = "~all";

    public CountrySignal {
        // Signals written by an older version of the processor lack the breakdown.
        actors = actors == null ? List.of() : List.copyOf(actors);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public static CountrySignal mention(String country, String articleId, int mentions, String title, String url,
                                        Instant eventTime) {
        return new CountrySignal(Kind.MENTION, country, articleId, mentions, title, url, eventTime, null, false, false,
                List.of(), List.of());
    }

    public static CountrySignal total(String articleId, Instant eventTime) {
        return new CountrySignal(Kind.TOTAL, ALL_COUNTRIES, articleId, 1, null, null, eventTime, null, false, false,
                List.of(), List.of());
    }

    public static CountrySignal clock(Instant eventTime) {
        return new CountrySignal(Kind.CLOCK, null, null, 0, null, null, eventTime, null, false, false, List.of(), List.of());
    }

    public boolean isClock() {
        return kind == Kind.CLOCK;
    }

    /** Clock signals and totals go to every partition. */
    public boolean isBroadcast() {
        return kind == Kind.CLOCK || kind == Kind.TOTAL;
    }
}
