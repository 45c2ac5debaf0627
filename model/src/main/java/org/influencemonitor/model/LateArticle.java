package org.influencemonitor.model;

import java.time.Instant;

/**
 * The value of {@code articles.late}, keyed by country: a relevant article that arrived after its
 * window had closed (event time past the window's end plus grace), so it was not counted. Kept so that
 * nothing vanishes: a feed that delivers late shows up here.
 */
public record LateArticle(int schemaVersion, String id, String url, String title, String country, Instant publishedAt,
                          Instant windowStart, Instant windowEnd, Instant streamTime) {
}
