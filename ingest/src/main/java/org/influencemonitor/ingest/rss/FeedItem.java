package org.influencemonitor.ingest.rss;

import org.influencemonitor.ingest.Candidate;

/**
 * One item of a feed: the candidate article it is, the key ingest remembers it by, and what it held as
 * JSON, which stands in for its original bytes in a dead letter (ROME does not keep the item's XML).
 */
public record FeedItem(int position, String key, Candidate candidate, byte[] asRead) {
}
