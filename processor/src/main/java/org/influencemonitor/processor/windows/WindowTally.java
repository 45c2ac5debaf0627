package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;

/**
 * The state of one country's window: which articles named it (ids, so a re-ingested article is not
 * counted twice), how often, how many carried the fraud-claim narrative (and of those, how many came
 * with a state-linked source or actor), which actors and terms appeared, and the first few articles as
 * evidence. {@code closed} is set on the last version, emitted when the window closes.
 */
public record WindowTally(String country, Instant windowStart, Instant windowEnd, List<String> articleIds,
                          int mentions, int fraudClaimArticles, int stateLinkedFraudArticles,
                          Map<String, MentionWindow.ActorCount> actors, Map<String, Integer> terms,
                          List<Alert.Evidence> evidence, boolean closed) {

    static final int MAX_EVIDENCE = 5;
    static final int TOP = 5;

    public WindowTally {
        articleIds = List.copyOf(articleIds);
        actors = actors == null ? Map.of() : Map.copyOf(actors);
        terms = terms == null ? Map.of() : Map.copyOf(terms);
        evidence = List.copyOf(evidence);
    }

    public static WindowTally empty(String country, Instant start, Instant end) {
        return new WindowTally(country, start, end, List.of(), 0, 0, 0, Map.of(), Map.of(), List.of(), false);
    }

    /** Whether this is the all-countries total rather than a country's window. */
    public boolean isTotal() {
        return CountrySignal.ALL_COUNTRIES.equals(country);
    }

    public int articles() {
        return articleIds.size();
    }

    public boolean contains(String articleId) {
        return articleIds.contains(articleId);
    }

    /** The tally with one more article; an article already counted leaves it unchanged. */
    public WindowTally add(CountrySignal mention) {
        if (contains(mention.articleId())) {
            return this;
        }
        TreeSet<String> ids = new TreeSet<>(articleIds);
        ids.add(mention.articleId());
        Map<String, MentionWindow.ActorCount> moreActors = new TreeMap<>(actors);
        for (MentionWindow.ActorCount actor : mention.actors()) {
            moreActors.merge(actor.id(), actor, (a, b) -> new MentionWindow.ActorCount(a.id(), a.name(), a.country(),
                    a.kind(), a.articles() + b.articles()));
        }
        Map<String, Integer> moreTerms = new TreeMap<>(terms);
        mention.terms().forEach(t -> moreTerms.merge(t.term(), t.mentions(), Integer::sum));
        List<Alert.Evidence> moreEvidence = evidence;
        if (evidence.size() < MAX_EVIDENCE) {
            moreEvidence = new ArrayList<>(evidence);
            moreEvidence.add(new Alert.Evidence(mention.articleId(), mention.title(), mention.url(), mention.source()));
        }
        boolean fraud = mention.fraudClaim();
        return new WindowTally(country, windowStart, windowEnd, List.copyOf(ids), mentions + mention.mentions(),
                fraudClaimArticles + (fraud ? 1 : 0), stateLinkedFraudArticles + (fraud && mention.stateLinked() ? 1 : 0),
                moreActors, moreTerms, moreEvidence, false);
    }

    public WindowTally close() {
        return new WindowTally(country, windowStart, windowEnd, articleIds, mentions, fraudClaimArticles,
                stateLinkedFraudArticles, actors, terms, evidence, true);
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
        return new MentionWindow(1, country, windowStart, windowEnd, articles(), mentions, closed, fraudClaimArticles,
                stateLinkedFraudArticles, actorBreakdown(), topTerms());
    }
}
