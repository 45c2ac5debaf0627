package org.influencemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ArticleIdentityTest {
    @Test
    void theSameStoryBehindTrackingParametersAndCosmeticDifferencesHasOneId() {
        String id = ArticleIdentity.idFor("https://www.example.com/world/moldova-vote/");
        assertEquals(id, ArticleIdentity.idFor("https://example.com/world/moldova-vote"));
        assertEquals(id, ArticleIdentity.idFor("HTTPS://Example.com:443/world/moldova-vote?utm_source=feed&fbclid=x#top"));
        assertEquals(32, id.length());
    }

    @Test
    void meaningfulParametersAndPathsStayDistinct() {
        assertNotEquals(ArticleIdentity.idFor("https://example.com/a?id=1"), ArticleIdentity.idFor("https://example.com/a?id=2"));
        assertEquals("https://example.com/a?b=2&id=1", ArticleIdentity.canonicalUrl("https://example.com/a?id=1&utm_medium=x&b=2"));
        assertNotEquals(ArticleIdentity.idFor("https://example.com/a"), ArticleIdentity.idFor("https://example.com/b"));
    }

    @Test
    void aStringThatIsNotAUrlIsOnlyTrimmed() {
        assertEquals("not a url", ArticleIdentity.canonicalUrl("  not a url "));
    }
}
