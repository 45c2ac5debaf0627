package org.influencemonitor.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.Json;

/**
 * Reads one JSON Lines record as an article: the fields of {@code articles.raw}, of which {@code id} is
 * replaced by the canonical-URL id whenever there is a URL, and {@code ingested_at} is set now.
 * Everything that would make the article useless downstream is a rejection with a reason a user can act on.
 */
public final class ArticleLineParser {
    private final ObjectMapper mapper = Json.mapper();
    private final Clock clock;

    public ArticleLineParser(Clock clock) {
        this.clock = clock;
    }

    /** The outcome for one line: an article to publish, or the reason it was rejected. */
    public record Parsed(Article article, String rejection) {
        static Parsed ok(Article article) {
            return new Parsed(article, null);
        }

        static Parsed rejected(String reason) {
            return new Parsed(null, reason);
        }

        public boolean isRejected() {
            return rejection != null;
        }
    }

    public Parsed parse(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return Parsed.rejected("not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return Parsed.rejected("not a JSON object");
        }
        Article article;
        try {
            article = mapper.treeToValue(node, Article.class);
        } catch (JsonProcessingException e) {
            return Parsed.rejected("not a valid article: " + firstLine(e.getOriginalMessage()));
        }
        boolean hasUrl = !isBlank(article.url());
        if (!hasUrl && isBlank(article.id())) {
            return Parsed.rejected("article has neither url nor id");
        }
        if (isBlank(article.title()) && isBlank(article.text())) {
            return Parsed.rejected("article has neither title nor text");
        }
        String id = hasUrl ? ArticleIdentity.idFor(article.url()) : article.id().trim();
        return Parsed.ok(article.withIdentity(id, Instant.now(clock)));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
