package org.influencemonitor.ingest;

import java.time.Clock;
import org.influencemonitor.model.Article;

/**
 * Reads one JSON Lines record as an article: {@link JsonArticleReader} for the shape and types, then
 * {@link ArticleRules} for what makes it an article (the canonical-URL id, the cleaned text, the accepted
 * times, {@code ingested_at} set now). For a caller with a line in hand, such as {@code monitor tag}; the
 * sources go through {@link Intake}, which also publishes and counts.
 */
public final class ArticleLineParser {
    private final JsonArticleReader reader = new JsonArticleReader();
    private final ArticleRules rules;

    public ArticleLineParser(Clock clock) {
        this(new ArticleRules(AcceptedTimes.defaults(clock)));
    }

    public ArticleLineParser(ArticleRules rules) {
        this.rules = rules;
    }

    public ArticleRules rules() {
        return rules;
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
        JsonArticleReader.Read read = reader.read(line);
        if (read instanceof JsonArticleReader.Read.Bad bad) {
            return Parsed.rejected(bad.reason());
        }
        ArticleRules.Checked checked = rules.check(((JsonArticleReader.Read.Ok) read).candidate());
        if (checked instanceof ArticleRules.Accepted accepted) {
            return Parsed.ok(accepted.article());
        }
        return Parsed.rejected(((ArticleRules.Refused) checked).reason());
    }
}
