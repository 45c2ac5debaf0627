package org.influencemonitor.ingest;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.influencemonitor.language.LanguageDetector;
import org.influencemonitor.model.Article;

/**
 * What makes a {@link Candidate} an article, the same for every source: a URL or an id, a title or a
 * text once cleaned ({@link TextCleaner}), a publication time in {@link AcceptedTimes} or none (then the
 * ingest time stands in, flagged), and the id from the canonical URL whenever there is one, so the same
 * story from two feeds or two runs is one article.
 */
public final class ArticleRules {
    /** Longer ids and URLs are refused: they are keys, and a key that size is a mistake, not an article. */
    public static final int MAX_ID_CHARS = org.influencemonitor.model.ArticleLimits.MAX_ID_CHARS;
    public static final int MAX_URL_CHARS = org.influencemonitor.model.ArticleLimits.MAX_URL_CHARS;

    private final AcceptedTimes times;

    public ArticleRules(AcceptedTimes times) {
        this.times = times;
    }

    /** The outcome of the check: an article to publish, or why not. */
    public sealed interface Checked permits Accepted, Refused {
    }

    public record Accepted(Article article) implements Checked {
    }

    public record Refused(String reason) implements Checked {
    }

    public Checked check(Candidate candidate) {
        String url = trimToNull(candidate.url());
        String givenId = trimToNull(candidate.id());
        if (url == null && givenId == null) {
            return new Refused("article has neither url nor id");
        }
        if (url != null && url.length() > MAX_URL_CHARS) {
            return new Refused("url is " + url.length() + " characters long, more than the " + MAX_URL_CHARS + " accepted");
        }
        if (url == null && givenId.length() > MAX_ID_CHARS) {
            return new Refused("id is " + givenId.length() + " characters long, more than the " + MAX_ID_CHARS + " accepted");
        }
        TextCleaner.Cleaned title = TextCleaner.title(candidate.title());
        TextCleaner.Cleaned text = TextCleaner.body(candidate.text());
        if (title.text() == null && text.text() == null) {
            return new Refused("article has neither title nor text");
        }
        Instant now = times.now();
        Instant publishedAt = candidate.publishedAt();
        if (publishedAt != null) {
            var refusal = times.refusal(publishedAt, now);
            if (refusal.isPresent()) {
                return new Refused(refusal.get());
            }
        }
        List<String> hints;
        try {
            hints = countryHints(candidate.countryHints());
        } catch (IllegalArgumentException e) {
            return new Refused(e.getMessage());
        }
        String id = url != null ? ArticleIdentity.idFor(url) : givenId;
        return new Accepted(new Article(Article.SCHEMA_VERSION, id, url, TextCleaner.oneLine(candidate.source()),
                title.text(), text.text(), language(candidate, title.text(), text.text()), publishedAt != null ? publishedAt : now, now, hints,
                title.truncated() || text.truncated(), publishedAt == null));
    }

    /**
     * The language the source declared, or else the one the text is written in, so that the tagger's
     * per-language rules apply to feeds that say nothing about it (most RSS items, every GDELT record);
     * absent when the text gives nothing to go on.
     */
    private static String language(Candidate candidate, String title, String text) {
        String declared = TextCleaner.oneLine(candidate.language());
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        String both = title == null ? text : text == null ? title : title + "\n\n" + text;
        return LanguageDetector.defaults().detect(both).orElse(null);
    }

    private static List<String> countryHints(List<String> given) {
        Set<String> codes = new LinkedHashSet<>();
        for (String hint : given) {
            String code = hint == null ? "" : hint.trim().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country hint \"" + hint + "\" is not an ISO 3166-1 alpha-2 code");
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
