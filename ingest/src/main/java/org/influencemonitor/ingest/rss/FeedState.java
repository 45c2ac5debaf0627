package org.influencemonitor.ingest.rss;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What ingest remembers of a feed between polls and across restarts, kept in the compacted topic
 * {@code monitor.ingest-state} under the feed's key: the validators for the next conditional GET and
 * the items already sent (or dead-lettered), newest last, at most {@link #MAX_SEEN}. Internal to
 * {@code ingest rss}: its JSON is not part of the event contract.
 *
 * @param seen item keys: the article id of each item handled, oldest first
 */
public record FeedState(int schemaVersion, String feed, String etag, String lastModified, List<String> seen,
                        Instant updatedAt) {
    /** Enough for a feed of a few hundred items that rotates many times over; older items are forgotten. */
    public static final int MAX_SEEN = 5_000;

    public FeedState {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    public static FeedState empty(String feed) {
        return new FeedState(1, feed, null, null, List.of(), null);
    }

    public Set<String> seenSet() {
        return new LinkedHashSet<>(seen);
    }

    /** With {@code handled} added as the newest, the oldest dropped past {@link #MAX_SEEN}. */
    public FeedState after(String newEtag, String newLastModified, List<String> handled, Instant now) {
        Set<String> all = new LinkedHashSet<>(seen);
        for (String key : handled) {
            all.remove(key);
            all.add(key);
        }
        List<String> kept = new ArrayList<>(all);
        if (kept.size() > MAX_SEEN) {
            kept = kept.subList(kept.size() - MAX_SEEN, kept.size());
        }
        return new FeedState(1, feed, newEtag, newLastModified, kept, now);
    }
}
