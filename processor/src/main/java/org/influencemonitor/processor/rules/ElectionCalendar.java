package org.influencemonitor.processor.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * National elections by country. {@link #defaults()} is the bundled {@code rules/elections.csv}, which is
 * user-editable and unverified. {@link #load(Path)} reads a CSV ({@code country,date,type[,note]}, # comments,
 * optional header) or, for {@code .yaml}/{@code .yml}, a list of {@code {country, date, type}} (optionally
 * under a top-level {@code elections:} key).
 */
public record ElectionCalendar(List<Election> elections) {

    public static final String DEFAULT_RESOURCE = "/rules/elections.csv";

    /** One vote: ISO alpha-2 country, election day, and a free-text type ("parliamentary", "presidential"...). */
    public record Election(String country, LocalDate date, String type) {
        public Election {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(date, "date");
            country = country.trim().toUpperCase(Locale.ROOT);
            type = type == null ? "" : type.trim();
        }
    }

    public ElectionCalendar {
        elections = elections.stream()
                .sorted(Comparator.comparing(Election::date).thenComparing(Election::country)
                        .thenComparing(Election::type))
                .toList();
    }

    public static ElectionCalendar empty() {
        return new ElectionCalendar(List.of());
    }

    public static ElectionCalendar defaults() {
        try (InputStream in = ElectionCalendar.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSV or YAML calendar; a bad file is an IllegalArgumentException naming file, line or entry, and value. */
    public static ElectionCalendar load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return parseYaml(text, file.toString());
        }
        return parseCsv(text, file.toString());
    }

    static ElectionCalendar parseCsv(String text, String source) {
        List<Election> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int lineNr = 0;
            while ((line = reader.readLine()) != null) {
                lineNr++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cols = trimmed.split(",", -1);
                if (cols[0].strip().equalsIgnoreCase("country")) {
                    continue;
                }
                String where = source + ": line " + lineNr;
                if (cols.length < 3) {
                    throw new IllegalArgumentException(where + ": expected country,date,type[,note], got '" + trimmed + "'");
                }
                out.add(election(cols[0], cols[1], cols[2], where));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ElectionCalendar(out);
    }

    static ElectionCalendar parseYaml(String text, String source) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + oneLine(e.getOriginalMessage()), e);
        }
        if (root != null && root.isObject() && root.has("elections")) {
            root = root.get("elections");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return empty();
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a list of {country, date, type}");
        }
        List<Election> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String where = source + ": entry " + (i + 1);
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + ": expected {country, date, type}, got " + e);
            }
            out.add(election(e.path("country").asText(""), e.path("date").asText(""), e.path("type").asText(""), where));
        }
        return new ElectionCalendar(out);
    }

    private static Election election(String country, String date, String type, String where) {
        String c = country.strip();
        if (!c.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException(where + ": field country: not an ISO 3166-1 alpha-2 code, got '" + c + "'");
        }
        try {
            return new Election(c, LocalDate.parse(date.strip()), type);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": field date: not a YYYY-MM-DD date, got '" + date.strip() + "'", e);
        }
    }

    /**
     * The election whose pre-election period contains {@code at}: from {@code weeksBefore} weeks before
     * election day (00:00 UTC) to the end of the day {@code daysAfter} days after it. The nearest such vote
     * if several.
     */
    public Optional<Election> electionAround(String country, Instant at, RulesConfig.PreElection period) {
        String c = country.toUpperCase(Locale.ROOT);
        Election best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Election e : elections) {
            if (!e.country().equals(c)) {
                continue;
            }
            Instant day = e.date().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant from = e.date().minusWeeks(period.weeksBefore()).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = e.date().plusDays(period.daysAfter() + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!at.isBefore(from) && at.isBefore(to)) {
                long distance = Math.abs(at.getEpochSecond() - day.getEpochSecond());
                if (distance < bestDistance) {
                    best = e;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The pre-election factor for (country, instant): {@code period.thresholdFactor()} (below 1: thresholds
     * and floors are multiplied by it) within the pre-election period of a vote in the calendar, else 1.
     */
    public double preElectionFactor(String country, Instant at, RulesConfig.PreElection period) {
        return electionAround(country, at, period).isPresent() ? period.thresholdFactor() : 1.0;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
