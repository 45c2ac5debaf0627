package org.influencemonitor.ingest.rss;

/**
 * What one poll of a feed did: how many items it read and how they ended, or why it got none.
 *
 * @param error null when the feed was fetched (or not modified) and every item settled
 * @param retryAfter what the feed's server asked for with {@code Retry-After} when it failed, or null
 */
public record FeedPoll(FeedSpec feed, boolean notModified, int items, int published, int duplicates, int rejected,
                       int failed, String error, java.time.Duration retryAfter) {
    static FeedPoll notModified(FeedSpec feed) {
        return new FeedPoll(feed, true, 0, 0, 0, 0, 0, null, null);
    }

    static FeedPoll failed(FeedSpec feed, String error, java.time.Duration retryAfter) {
        return new FeedPoll(feed, false, 0, 0, 0, 0, 0, error, retryAfter);
    }

    public boolean ok() {
        return error == null;
    }
}
