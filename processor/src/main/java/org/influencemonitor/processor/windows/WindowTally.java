package org.influencemonitor.processor.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;

/**
 * The state of one country's window: which articles named it (ids, so a re-ingested article is not
 * counted twice), how often, and the first few articles as evidence. {@code closed} is set on the last
 * version, emitted when the window closes.
 */
public record WindowTally(String country, Instant windowStart, Instant windowEnd, List<String> articleIds,
                          int mentions, List<Alert.Evidence> evidence, boolean closed) {

    static final int MAX_EVIDENCE = 5;

    public WindowTally {
        articleIds = List.copyOf(articleIds);
        evidence = List.copyOf(evidence);
    }

    public static WindowTally empty(String country, Instant start, Instant end) {
        return new WindowTally(country, start, end, List.of(), 0, List.of(), false);
    }

    public int articles() {
        return articleIds.size();
    }

    public boolean contains(String articleId) {
        return articleIds.contains(articleId);
    }

    /** The tally with one more article; an article already counted leaves it unchanged. */
    public WindowTally add(CountrySignal mention) {
        if (contains(mention.articleId())) {
            return this;
        }
        TreeSet<String> ids = new TreeSet<>(articleIds);
        ids.add(mention.articleId());
        List<Alert.Evidence> moreEvidence = evidence;
        if (evidence.size() < MAX_EVIDENCE) {
            moreEvidence = new ArrayList<>(evidence);
            moreEvidence.add(new Alert.Evidence(mention.articleId(), mention.title(), mention.url()));
        }
        return new WindowTally(country, windowStart, windowEnd, List.copyOf(ids), mentions + mention.mentions(),
                moreEvidence, false);
    }

    public WindowTally close() {
        return new WindowTally(country, windowStart, windowEnd, articleIds, mentions, evidence, true);
    }

    public MentionWindow toEvent() {
        return new MentionWindow(1, country, windowStart, windowEnd, articles(), mentions, closed);
    }
}
