package org.influencemonitor.processor.windows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.model.MentionWindow;

/**
 * What flows from the article side to the by-country side of the topology, through the repartition
 * topic: a relevant article's mention of one country, or a source partition's clock.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CountingSignal.Mention.class, name = "mention"),
        @JsonSubTypes.Type(value = CountingSignal.SourceClock.class, name = "clock")})
public sealed interface CountingSignal {

    /**
     * One relevant article's mention of {@code country}, already deduplicated: {@code windows} are the
     * starts of the windows the article is new in (each {@code windowSizeMs} long), and on time for at its
     * source partition {@code sourcePartition}, whose event time had reached {@code sourceTime}.
     *
     * @param fraudClaim  the article carries the {@code election_fraud_claim} narrative
     * @param stateLinked the article comes from a state-affiliated outlet or names a state-linked actor
     * @param actors      the state-linked actors the article names or comes from (articles = 1 each)
     * @param terms       the election terms matched in the article, with their mentions
     * @param ingestedAt  when ingest published the article (null if unknown): the start of the end-to-end latency
     */
    record Mention(String country, String articleId, List<Long> windows, long windowSizeMs, int mentions,
                   String title, String url,
                   Instant eventTime, String source, boolean fraudClaim, boolean stateLinked,
                   List<MentionWindow.ActorCount> actors, List<MentionWindow.TermCount> terms,
                   int sourcePartition, long sourceTime, Instant ingestedAt)
            implements CountingSignal {
        public Mention {
            windows = List.copyOf(windows);
            actors = actors == null ? List.of() : List.copyOf(actors);
            terms = terms == null ? List.of() : List.copyOf(terms);
        }

        /** A mention whose ingestion time is not known. */
        public Mention(String country, String articleId, List<Long> windows, long windowSizeMs, int mentions,
                       String title, String url, Instant eventTime, String source, boolean fraudClaim,
                       boolean stateLinked, List<MentionWindow.ActorCount> actors, List<MentionWindow.TermCount> terms,
                       int sourcePartition, long sourceTime) {
            this(country, articleId, windows, windowSizeMs, mentions, title, url, eventTime, source, fraudClaim,
                    stateLinked, actors, terms, sourcePartition, sourceTime, null);
        }
    }

    /**
     * "Source partition {@code partition} of {@code articles.raw} has reached event time
     * {@code watermark}; these are its counts of relevant articles per window start, final for every
     * window closed at the watermark." Sent to every counting partition, which closes a window only when
     * every source has passed its end plus grace. {@code idle}: the source has had no records for a while
     * and should not hold windows open.
     *
     * <p>{@code sources} (added for coverage, issue 12; absent in older records, read as empty): per window
     * start, this partition's articles per source name, relevant or not, final like {@code totals}.
     */
    record SourceClock(int partition, long watermark, boolean idle, Map<Long, Integer> totals,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Long, Map<String, Integer>> sources)
            implements CountingSignal {
        public SourceClock {
            totals = totals == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(totals));
            sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
        }

        /** A clock without per-source counts, as before issue 12. */
        public SourceClock(int partition, long watermark, boolean idle, Map<Long, Integer> totals) {
            this(partition, watermark, idle, totals, Map.of());
        }
    }
}
