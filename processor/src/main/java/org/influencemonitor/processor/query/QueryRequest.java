package org.influencemonitor.processor.query;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One GET request as the handlers see it: the path segments, the query parameters, and whether another
 * instance forwarded it (then it is answered from this instance's stores, never forwarded again). The
 * parsing helpers throw {@link QueryException} with status 400 on bad input.
 */
record QueryRequest(List<String> segments, Map<String, String> params, String pathAndQuery, boolean forwarded) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    QueryRequest {
        segments = List.copyOf(segments);
        params = Map.copyOf(params);
    }

    static QueryRequest of(URI uri, boolean forwarded) {
        List<String> segments = new ArrayList<>();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(decode(part));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String pathAndQuery = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        return new QueryRequest(segments, params, pathAndQuery, forwarded);
    }

    /** An ISO 3166-1 alpha-2 code, upper-cased; 400 for anything else. */
    static String country(String code) {
        if (code == null || !COUNTRY.matcher(code).matches()) {
            throw QueryException.badRequest("not a two-letter country code: " + code);
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** Rejects parameters the resource does not know, so that a typo is not silently ignored. */
    void allowOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw QueryException.badRequest("unknown parameter(s) " + unknown + "; this resource takes "
                    + (known.isEmpty() ? "none" : new TreeSet<>(known)));
        }
    }

    /** The earliest and latest instants a bound can name: event times are epoch milliseconds from 1970. */
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * An instant ({@code 2024-10-18T14:00:00Z}, or with an offset) or a date (its midnight UTC). A bound
     * before 1970 or after 9999 asks for everything on that side, so it is clamped to those years rather
     * than carried into arithmetic that would overflow.
     */
    Optional<Instant> instant(String name) {
        return parsedInstant(name).map(t -> t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t);
    }

    /** The optional bounds {@code from} and {@code to}; null where absent. */
    record Range(Instant from, Instant to) {
    }

    /** {@code from} and {@code to}, either optional; 400 unless {@code from} is before {@code to}. */
    Range range() {
        Instant from = instant("from").orElse(null);
        Instant to = instant("to").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw QueryException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        return new Range(from, to);
    }

    private Optional<Instant> parsedInstant(String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                throw QueryException.badRequest(name + ": not an ISO-8601 instant such as 2024-10-18T14:00:00Z"
                        + " or a date such as 2024-10-18: " + value);
            }
        }
    }

    /** A whole number in [1, max], {@code fallback} when absent. */
    int limit(String name, int fallback, int max) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw QueryException.badRequest(name + ": not a whole number from 1 to " + max + ": " + value);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw QueryException.badRequest("malformed URL encoding: " + s);
        }
    }
}
