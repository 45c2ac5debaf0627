package org.influencemonitor.processor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {
    private static EnrichedArticle article(String id, String text, boolean relevant, List<Tags.Match> matches) {
        Tags tags = new Tags(List.of(), List.of(), List.of(), List.of(), matches);
        return new EnrichedArticle(1, id, "https://example.org/" + id, "Example", "Title", text, "en",
                Instant.EPOCH, Instant.EPOCH, tags, relevant, null);
    }

    @Test
    void keepsTheLatestRelevantArticlesUpToItsCapacity() {
        RecentArticles recent = new RecentArticles(2);
        recent.add(article("a", "x", true, List.of()));
        recent.add(article("b", "x", false, List.of()));
        recent.add(article("c", "x", true, List.of()));
        recent.add(article("d", "x", true, List.of()));
        assertEquals(2, recent.size());
        assertTrue(recent.find("a").isEmpty(), "the oldest went first");
        assertTrue(recent.find("b").isEmpty(), "irrelevant articles are never evidence");
        assertTrue(recent.find("c").isPresent() && recent.find("d").isPresent());
    }

    @Test
    void cutsLongTextsAndTheMatchesBeyondTheCut() {
        String text = "Moldova " + "y".repeat(RecentArticles.MAX_TEXT) + " Kremlin";
        int offset = "Title".length() + 2;
        Tags.Match early = new Tags.Match("country", "MD", offset, offset + 7, "Moldova");
        int late = offset + text.length() - "Kremlin".length();
        Tags.Match beyond = new Tags.Match("actor", "kremlin", late, late + 7, "Kremlin");
        EnrichedArticle cut = RecentArticles.cut(article("a", text, true, List.of(early, beyond)));
        assertEquals(RecentArticles.MAX_TEXT, cut.text().length());
        assertEquals(List.of(early), cut.tags().matches());
        String whole = cut.title() + "\n\n" + cut.text();
        assertEquals("Moldova", whole.substring(early.start(), early.end()), "offsets still index title + \\n\\n + text");
    }
}
