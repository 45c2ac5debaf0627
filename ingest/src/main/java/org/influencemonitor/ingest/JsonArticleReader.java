package org.influencemonitor.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.influencemonitor.model.Json;

/**
 * One JSON object with the fields of {@code articles.raw} read as a {@link Candidate}, or the reason it
 * is not one. Types are checked here, field by field, so that the reason names the field and what was
 * wrong with it ("title must be a string, not a number (12345)") instead of Jackson's wording; unknown
 * fields are ignored, as the contract says. {@code ingested_at} and {@code id} derivation are ingest's.
 */
public final class JsonArticleReader {
    private static final ObjectMapper MAPPER = Json.mapper();
    /** Trailing text is looked for here, to say so in words rather than Jackson's. */
    private static final ObjectReader TREE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What a JSON text turned out to be. */
    public sealed interface Read permits Read.Ok, Read.Bad {
        record Ok(Candidate candidate) implements Read {
        }

        record Bad(String reason) implements Read {
        }
    }

    public Read read(String json) {
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(json)) {
            node = TREE.readTree(parser);
            if (node != null) {
                String trailing = trailingText(parser);
                if (trailing != null) {
                    return new Read.Bad(trailing);
                }
            }
        } catch (StreamConstraintsException e) {
            return new Read.Bad("not valid JSON: " + firstSentence(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            return new Read.Bad("not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
        } catch (IOException e) {
            return new Read.Bad("not valid JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return new Read.Bad("no JSON value");
        }
        if (!node.isObject()) {
            return new Read.Bad("not a JSON object but " + describe(node) + ": an article is an object such as "
                    + "{\"url\": ..., \"title\": ...}");
        }
        try {
            return new Read.Ok(new Candidate(string(node, "id"), string(node, "url"), string(node, "source"),
                    string(node, "title"), string(node, "text"), string(node, "language"), time(node, "published_at"),
                    strings(node, "country_hints")));
        } catch (IllegalArgumentException e) {
            return new Read.Bad(e.getMessage());
        }
    }

    /** Why there is more after the value, or null when there is nothing but whitespace. */
    private static String trailingText(JsonParser parser) throws IOException {
        int column;
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            column = parser.currentTokenLocation().getColumnNr();
        } catch (JsonProcessingException e) {
            column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        }
        return "text after the JSON object" + (column > 0 ? ", at column " + column : "") + ": one article per line";
    }

    private static String string(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, not " + describe(value));
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings, not " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(field + " must hold strings, not " + describe(item));
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static Instant time(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 string such as " + Timestamps.EXAMPLE + ", not "
                    + describe(value) + ": a count of seconds or milliseconds since 1970 is not accepted");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 string such as " + Timestamps.EXAMPLE + ", not "
                    + describe(value));
        }
        return Timestamps.parse(field, value.textValue());
    }

    private static String describe(JsonNode value) {
        String kind = value.isTextual() ? "a string" : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean"
                : value.isArray() ? "an array" : value.isObject() ? "an object" : "null";
        if (value.isValueNode() && !value.isNull()) {
            return kind + " (" + (value.isTextual() ? quote(value.textValue()) : excerpt(value.toString())) + ")";
        }
        return kind;
    }

    private static String quote(String s) {
        return Timestamps.quote(s);
    }

    private static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String firstSentence(String message) {
        String line = firstLine(message);
        int paren = line.indexOf(" (");
        return paren < 0 ? line : line.substring(0, paren);
    }
}
