package org.influencemonitor.ingest.gdelt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.influencemonitor.ingest.Candidate;

/**
 * The GDELT DOC 2.0 API's {@code mode=ArtList} answer as candidates: {@code url}, {@code title},
 * {@code domain} as the source, {@code seendate} ({@code 20241018T140500Z}) as the time, and
 * {@code language} (an English name, "Romanian") as its ISO 639-1 code. {@code sourcecountry} is where
 * the outlet is, not what the article is about, so it is no country hint.
 */
public final class DocArticleList {
    private static final DateTimeFormatter SEEN_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    private DocArticleList() {
    }

    /** One article of the list: its candidate, or why it is none. */
    public record Entry(JsonNode json, Candidate candidate, String problem) {
    }

    public static List<Entry> entries(JsonNode document) {
        JsonNode articles = document.get("articles");
        if (articles == null || !articles.isArray()) {
            throw new IllegalArgumentException("not a DOC 2.0 ArtList: no \"articles\" array");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode article : articles) {
            try {
                entries.add(new Entry(article, candidate(article), null));
            } catch (IllegalArgumentException e) {
                entries.add(new Entry(article, null, e.getMessage()));
            }
        }
        return entries;
    }

    private static Candidate candidate(JsonNode article) {
        if (!article.isObject()) {
            throw new IllegalArgumentException("an ArtList article is an object, not " + article.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String seen = text(article, "seendate");
        Instant published = null;
        if (seen != null) {
            try {
                published = LocalDateTime.parse(seen, SEEN_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("seendate \"" + seen + "\" is not a DOC 2.0 date such as 20241018T140500Z");
            }
        }
        return new Candidate(null, text(article, "url"), text(article, "domain"), text(article, "title"), null,
                languageCode(text(article, "language")), published);
    }

    private static String text(JsonNode article, String field) {
        JsonNode value = article.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.textValue().isBlank() ? null : value.textValue();
    }

    /** "Romanian" to "ro" by the JDK's own language names; a name it does not know is kept as given. */
    static String languageCode(String name) {
        if (name == null) {
            return null;
        }
        for (String code : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(name.strip())) {
                return code;
            }
        }
        return name;
    }
}
