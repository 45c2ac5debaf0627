package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;

/**
 * The state of one country's window: how many distinct relevant articles named it and how often, how
 * many carried the fraud-claim narrative (and of those, how many came with a state-linked source or
 * actor), which actors and terms appeared, and the first few articles as evidence. Counts only: articles
 * are deduplicated before they reach the counter, so the tally's size is bounded by the dictionaries
 * (actors, terms) and {@link #MAX_EVIDENCE}, whatever the window holds. {@code closed} is set on the last
 * version, emitted when the window closes; {@code allCountriesArticles} is the window's relevant articles
 * over every country as far as known (-1 unknown), final on the closed version. {@code latestIngestedAt}
 * is the latest {@code ingested_at} of its articles (null when none is known): where the end-to-end latency
 * of an alert on this window starts.
 */
public record WindowTally(String country, Instant windowStart, Instant windowEnd, int articles,
                          int mentions, int fraudClaimArticles, int stateLinkedFraudArticles,
                          Map<String, MentionWindow.ActorCount> actors, Map<String, Integer> terms,
                          List<Alert.Evidence> evidence, boolean closed, int allCountriesArticles,
                          Instant latestIngestedAt) {

    static final int MAX_EVIDENCE = 5;
    static final int TOP = 5;

    public WindowTally {
        actors = actors == null ? Map.of() : Map.copyOf(actors);
        terms = terms == null ? Map.of() : Map.copyOf(terms);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A tally whose articles' ingestion times are not known. */
    public WindowTally(String country, Instant windowStart, Instant windowEnd, int articles, int mentions,
                       int fraudClaimArticles, int stateLinkedFraudArticles, Map<String, MentionWindow.ActorCount> actors,
                       Map<String, Integer> terms, List<Alert.Evidence> evidence, boolean closed, int allCountriesArticles) {
        this(country, windowStart, windowEnd, articles, mentions, fraudClaimArticles, stateLinkedFraudArticles, actors,
                terms, evidence, closed, allCountriesArticles, null);
    }

    public static WindowTally empty(String country, Instant start, Instant end) {
        return new WindowTally(country, start, end, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), false, -1);
    }

    /** The tally with one more article; the caller has made sure it is not counted yet. */
    public WindowTally add(CountingSignal.Mention mention) {
        Map<String, MentionWindow.ActorCount> moreActors = actors;
        if (!mention.actors().isEmpty()) {
            moreActors = new TreeMap<>(actors);
            for (MentionWindow.ActorCount actor : mention.actors()) {
                moreActors.merge(actor.id(), actor, (a, b) -> new MentionWindow.ActorCount(a.id(), a.name(),
                        a.country(), a.kind(), a.articles() + b.articles()));
            }
        }
        Map<String, Integer> moreTerms = terms;
        if (!mention.terms().isEmpty()) {
            moreTerms = new TreeMap<>(terms);
            for (MentionWindow.TermCount t : mention.terms()) {
                moreTerms.merge(t.term(), t.mentions(), Integer::sum);
            }
        }
        List<Alert.Evidence> moreEvidence = evidence;
        if (evidence.size() < MAX_EVIDENCE) {
            moreEvidence = new ArrayList<>(evidence);
            moreEvidence.add(new Alert.Evidence(mention.articleId(), mention.title(), mention.url(), mention.source()));
        }
        boolean fraud = mention.fraudClaim();
        Instant ingested = latestIngestedAt;
        if (mention.ingestedAt() != null && (ingested == null || mention.ingestedAt().isAfter(ingested))) {
            ingested = mention.ingestedAt();
        }
        return new WindowTally(country, windowStart, windowEnd, articles + 1, mentions + mention.mentions(),
                fraudClaimArticles + (fraud ? 1 : 0), stateLinkedFraudArticles + (fraud && mention.stateLinked() ? 1 : 0),
                moreActors, moreTerms, moreEvidence, false, allCountriesArticles, ingested);
    }

    /** The final version, with the window's all-countries total. */
    public WindowTally close(int allCountries) {
        return new WindowTally(country, windowStart, windowEnd, articles, mentions, fraudClaimArticles,
                stateLinkedFraudArticles, actors, terms, evidence, true, allCountries, latestIngestedAt);
    }

    /** The same counts, with the all-countries total known so far. */
    public WindowTally withAllCountries(int allCountries) {
        return allCountries == allCountriesArticles ? this : new WindowTally(country, windowStart, windowEnd, articles,
                mentions, fraudClaimArticles, stateLinkedFraudArticles, actors, terms, evidence, closed, allCountries,
                latestIngestedAt);
    }

    /** Every actor, by articles, most first (ties by id). */
    public List<MentionWindow.ActorCount> actorBreakdown() {
        return actors.values().stream()
                .sorted(Comparator.comparingInt(MentionWindow.ActorCount::articles).reversed()
                        .thenComparing(MentionWindow.ActorCount::id))
                .toList();
    }

    /** The five actors in most articles. */
    public List<MentionWindow.ActorCount> topActors() {
        return actorBreakdown().stream().limit(TOP).toList();
    }

    /** Terms by mentions, most first (ties by term), at most five. */
    public List<MentionWindow.TermCount> topTerms() {
        return terms.entrySet().stream()
                .map(e -> new MentionWindow.TermCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(MentionWindow.TermCount::mentions).reversed()
                        .thenComparing(MentionWindow.TermCount::term))
                .limit(TOP).toList();
    }

    public MentionWindow toEvent() {
        return new MentionWindow(1, country, windowStart, windowEnd, articles, mentions, closed, fraudClaimArticles,
                stateLinkedFraudArticles, actorBreakdown(), topTerms());
    }
}
