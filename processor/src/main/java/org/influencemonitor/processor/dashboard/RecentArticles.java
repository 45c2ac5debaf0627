package org.influencemonitor.processor.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;

/**
 * The latest relevant articles by id, for an alert's evidence: an alert names its articles but carries
 * neither their text nor their matched spans. Bounded in count and in text length, so that memory does not
 * grow with the feed: the oldest article read goes first, and a text is cut (with the matches that lie
 * beyond the cut) at {@link #MAX_TEXT} characters.
 */
final class RecentArticles {
    static final int MAX_TEXT = 4000;
    /** The title and text are matched as {@code title + "\n\n" + text}. */
    private static final int SEPARATOR = 2;

    private final Map<String, EnrichedArticle> byId;

    RecentArticles(int capacity) {
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EnrichedArticle> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(EnrichedArticle article) {
        if (article.relevant() && article.id() != null) {
            byId.remove(article.id());
            byId.put(article.id(), cut(article));
        }
    }

    synchronized Optional<EnrichedArticle> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized int size() {
        return byId.size();
    }

    static EnrichedArticle cut(EnrichedArticle a) {
        if (a.text() == null || a.text().length() <= MAX_TEXT) {
            return a;
        }
        int end = (a.title() == null ? 0 : a.title().length()) + SEPARATOR + MAX_TEXT;
        Tags t = a.tags();
        List<Tags.Match> kept = t.matches().stream().filter(m -> m.end() <= end).toList();
        Tags tags = new Tags(t.countries(), t.actors(), t.electionTerms(), t.narratives(), kept);
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.url(), a.source(), a.title(),
                a.text().substring(0, MAX_TEXT), a.language(), a.publishedAt(), a.ingestedAt(), tags, a.relevant(),
                a.sourceActor());
    }
}
