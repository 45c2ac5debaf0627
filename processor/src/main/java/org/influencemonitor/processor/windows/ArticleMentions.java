package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.enrichment.TargetCountries;

/** The mentions one relevant article makes: one per target country, with what the rules need of it. */
public final class ArticleMentions {
    /** The narrative the seed report warns of: claims that an election is rigged or stolen. */
    public static final String FRAUD_CLAIM = "election_fraud_claim";

    private ArticleMentions() {
    }

    /**
     * The mentions of {@code article}, of event time {@code eventTime}, in {@code windows} (of
     * {@code windowSizeMs} each), as routed by
     * source partition {@code sourcePartition} at its event time {@code sourceTime}.
     */
    public static List<CountingSignal.Mention> of(EnrichedArticle article, long eventTime, List<Long> windows,
                                                  long windowSizeMs, int sourcePartition, long sourceTime) {
        List<Tags.CountryTag> targets = TargetCountries.of(article);
        boolean fraudClaim = article.tags().narratives().stream().anyMatch(n -> n.id().equals(FRAUD_CLAIM));
        boolean stateLinked = article.sourceActor() != null || !article.tags().actors().isEmpty();
        Map<String, MentionWindow.ActorCount> actors = new TreeMap<>();
        if (article.sourceActor() != null) {
            actors.put(article.sourceActor().id(), actorCount(article.sourceActor()));
        }
        article.tags().actors().forEach(a -> actors.putIfAbsent(a.id(), actorCount(a)));
        List<MentionWindow.ActorCount> actorList = List.copyOf(actors.values());
        List<MentionWindow.TermCount> terms = article.tags().electionTerms().stream()
                .map(t -> new MentionWindow.TermCount(t.term(), t.mentions())).toList();
        List<CountingSignal.Mention> out = new ArrayList<>(targets.size());
        for (Tags.CountryTag country : targets) {
            out.add(new CountingSignal.Mention(country.code(), article.id(), windows, windowSizeMs, country.mentions(),
                    article.title(), article.url(), Instant.ofEpochMilli(eventTime), article.source(), fraudClaim,
                    stateLinked,
                    actorList, terms, sourcePartition, sourceTime, article.ingestedAt()));
        }
        return out;
    }

    /** The countries an article counts for, as {@link #of} would list them. */
    public static List<String> countries(EnrichedArticle article) {
        return TargetCountries.of(article).stream().map(Tags.CountryTag::code).toList();
    }

    private static MentionWindow.ActorCount actorCount(Tags.ActorTag actor) {
        return new MentionWindow.ActorCount(actor.id(), actor.name(), actor.country(), actor.kind(), 1);
    }
}
