package org.influencemonitor.model;

import java.time.Instant;

/**
 * The value of {@code mentions.by-country}: distinct relevant articles naming {@code country} in one
 * event-time window, and their mentions in total. It is republished as the window fills; the last
 * record of a window carries {@code final: true}, sent once the window has closed (its end plus grace
 * has passed in event time). {@code fraud_claim_articles} counts articles carrying the
 * {@code election_fraud_claim} narrative, {@code state_linked_fraud_articles} those of them from a
 * state-affiliated outlet or naming a state-linked actor; {@code actors} and {@code top_terms} break the
 * window down (added after the first cut; absent in records written before).
 */
public record MentionWindow(
        int schemaVersion,
        String country,
        Instant windowStart,
        Instant windowEnd,
        int articles,
        int mentions,
        boolean isFinal,
        Integer fraudClaimArticles,
        Integer stateLinkedFraudArticles,
        java.util.List<ActorCount> actors,
        java.util.List<TermCount> topTerms) {

    /** A state-linked actor named in the window's articles about the country, and in how many of them. */
    public record ActorCount(String id, String name, String country, ActorKind kind, int articles) {
    }

    /** An election term and how often it was matched in the window's articles about the country. */
    public record TermCount(String term, int mentions) {
    }

    @com.fasterxml.jackson.annotation.JsonProperty("final")
    @Override
    public boolean isFinal() {
        return isFinal;
    }
}
