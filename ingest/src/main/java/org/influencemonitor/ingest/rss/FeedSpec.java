package org.influencemonitor.ingest.rss;

import java.net.URI;
import java.time.Duration;

/**
 * One feed to poll: its URL, the source name its articles carry (the feed's own title when null), and
 * how often to poll it.
 */
public record FeedSpec(URI url, String name, Duration interval) {
    public FeedSpec {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("feed " + url + ": only http and https URLs can be polled");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("feed " + url + ": the interval must be positive, got " + interval);
        }
    }

    /** The key of this feed's state in the state topic. */
    public String stateKey() {
        return "rss " + url;
    }
}
