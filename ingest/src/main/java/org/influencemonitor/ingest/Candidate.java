package org.influencemonitor.ingest;

import java.time.Instant;
import java.util.List;

/**
 * An article as a source gave it, before {@link ArticleRules} check and clean it: every field may be
 * missing (null), nothing is normalised yet. Each source turns its own format into this and nothing more.
 *
 * @param publishedAt  the source's publication time, already parsed; null when it gave none
 * @param countryHints ISO 3166-1 alpha-2 codes the source names the article's locations with (GDELT)
 */
public record Candidate(String id, String url, String source, String title, String text, String language,
                        Instant publishedAt, List<String> countryHints) {
    public Candidate {
        countryHints = countryHints == null ? List.of() : List.copyOf(countryHints);
    }

    public Candidate(String id, String url, String source, String title, String text, String language,
                     Instant publishedAt) {
        this(id, url, source, title, text, language, publishedAt, List.of());
    }
}
