package org.influencemonitor.processor.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one file format of the dictionaries: UTF-8, one entry per line, fields separated by TABs,
 * {@code #} starts a comment line, blank lines are ignored. Each dictionary class gives the fields
 * their meaning; this class only reads rows and remembers where they came from.
 */
final class DictionaryFile {
    static final String RESOURCE_DIR = "/dictionary/";

    /** One non-comment line; {@code origin} is "file:line" for error messages. */
    record Row(List<String> fields, String origin) {
        String field(int i) {
            return i < fields.size() ? fields.get(i).strip() : "";
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(origin + ": " + message);
        }

        Row requireFields(int min, String layout) {
            if (fields.size() < min || field(min - 1).isEmpty()) {
                throw error("expected " + layout + " separated by TABs, got '" + String.join("\\t", fields) + "'");
            }
            return this;
        }
    }

    private DictionaryFile() {
    }

    static List<Row> bundled(String name) {
        try (InputStream in = DictionaryFile.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled dictionary missing from the classpath: " + RESOURCE_DIR + name);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of {@code dir/name}, or an empty list if the directory has no such file. */
    static List<Row> override(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static List<Row> read(BufferedReader reader, String name) throws IOException {
        List<Row> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            rows.add(new Row(List.of(line.split("\t", -1)), name + ":" + n));
        }
        return rows;
    }

    /**
     * Defaults, minus every default whose key an override row also has, plus the overrides: a user
     * entry with the same id replaces the bundled one, new ids are added.
     */
    static List<Row> merge(List<Row> defaults, List<Row> overrides, Function<Row, String> key) {
        Set<String> replaced = new HashSet<>();
        for (Row r : overrides) {
            replaced.add(key.apply(r));
        }
        List<Row> merged = new ArrayList<>(defaults.size() + overrides.size());
        for (Row r : defaults) {
            if (!replaced.contains(key.apply(r))) {
                merged.add(r);
            }
        }
        merged.addAll(overrides);
        return merged;
    }

    /**
     * Parses the optional flags field, comma separated: {@code any|initial|exact}, {@code rule=NAME}
     * and {@code lang=xx|yy} (the article languages the line is restricted to).
     */
    static Flags flags(Row row, int index, CaseRule defaultCase) {
        CaseRule caseRule = defaultCase;
        String rule = null;
        Set<String> languages = Set.of();
        String raw = row.field(index);
        if (!raw.isEmpty()) {
            for (String f : raw.split(",")) {
                String t = f.strip();
                switch (t) {
                    case "any" -> caseRule = CaseRule.ANY;
                    case "initial" -> caseRule = CaseRule.INITIAL;
                    case "exact" -> caseRule = CaseRule.EXACT;
                    case "" -> { }
                    default -> {
                        if (t.startsWith("lang=")) {
                            languages = languages(row, t.substring(5));
                        } else if (t.startsWith("rule=")) {
                            rule = t.substring(5).strip();
                            if (!AmbiguityRules.isKnown(rule)) {
                                throw row.error("unknown rule '" + rule + "' (known: " + AmbiguityRules.names() + ")");
                            }
                        } else {
                            throw row.error("unknown flag '" + t + "' (use any, initial, exact, rule=NAME or lang=xx|yy)");
                        }
                    }
                }
            }
        }
        return new Flags(caseRule, rule, languages);
    }

    private static final Set<String> ISO_LANGUAGES = Set.of(java.util.Locale.getISOLanguages());

    private static Set<String> languages(Row row, String list) {
        Set<String> out = new java.util.TreeSet<>();
        for (String code : list.split("\\|")) {
            String c = code.strip();
            if (!ISO_LANGUAGES.contains(c)) {
                throw row.error("unknown language '" + c + "' in lang= (ISO 639-1 codes such as pl, zh, separated by |)");
            }
            out.add(c);
        }
        return Set.copyOf(out);
    }

    record Flags(CaseRule caseRule, String rule, Set<String> languages) {
    }

    /** Fails early on a missing override dir, as the API promises. */
    static Path requireDirectory(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dictionary directory not found: " + dir);
        }
        return dir;
    }

    static <T> T checked(Row row, Function<Row, T> parse) {
        try {
            return parse.apply(row);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(row.origin())) {
                throw e;
            }
            throw row.error(e.getMessage());
        }
    }

    static Set<String> keysOf(List<Row> rows, Function<Row, String> key) {
        Set<String> s = new HashSet<>();
        rows.forEach(r -> s.add(key.apply(r)));
        return s;
    }
}
