package org.influencemonitor.processor.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Country surface forms: every ISO 3166-1 name the JDK knows in English, French, German, Spanish,
 * Portuguese and Russian (Russian names also in their case forms, since "в России" must match), and
 * the curated {@code countries.tsv}: abbreviations, demonyms, capitals used as metonyms, US states.
 *
 * <p>{@code countries.tsv}: {@code CODE<TAB>surface<TAB>flags}. The key of a line is its folded
 * surface, so a curated or user line replaces a generated one for the same spelling (this is how
 * "Georgia" gets its ambiguity rule). CODE {@code -} means "this spelling is not a country".
 */
final class CountryDictionary {
    static final String FILE = "countries.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(CountryDictionary.class);
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            new Locale("es"), new Locale("pt"), new Locale("ru"));
    /** Not in ISO 3166-1 but named in the news as a country. */
    private static final Map<String, String> EXTRA_CODES = Map.of("XK", "Kosovo");

    private final Map<String, String> englishNames;
    private final List<DictionaryEntry> entries;

    private CountryDictionary(Map<String, String> englishNames, List<DictionaryEntry> entries) {
        this.englishNames = englishNames;
        this.entries = entries;
    }

    static CountryDictionary load(Path overrideDir) {
        List<DictionaryFile.Row> curated = DictionaryFile.bundled(FILE);
        List<DictionaryFile.Row> user = overrideDir == null ? List.of() : DictionaryFile.override(overrideDir, FILE);
        Map<String, String> names = englishNames();
        Map<String, DictionaryEntry> bySurface = new LinkedHashMap<>();
        for (DictionaryEntry e : generated()) {
            bySurface.put(e.folded(), e);
        }
        for (List<DictionaryFile.Row> rows : List.of(curated, user)) {
            for (DictionaryFile.Row row : rows) {
                DictionaryEntry e = DictionaryFile.checked(row, r -> parse(r, names));
                bySurface.put(e.folded(), e);
            }
        }
        return new CountryDictionary(names, List.copyOf(bySurface.values()));
    }

    private static DictionaryEntry parse(DictionaryFile.Row row, Map<String, String> names) {
        row.requireFields(2, "CODE, surface[, flags]");
        String code = row.field(0).toUpperCase(Locale.ROOT);
        DictionaryFile.Flags flags = DictionaryFile.flags(row, 2, CaseRule.INITIAL);
        if (code.equals("-")) {
            return DictionaryEntry.of(EntryType.IGNORE, "-", row.field(1), flags.caseRule(), flags.rule(), row.origin());
        }
        if (!names.containsKey(code)) {
            throw row.error("unknown country code '" + code + "' (ISO 3166-1 alpha-2 expected)");
        }
        return DictionaryEntry.of(EntryType.COUNTRY, code, row.field(1), flags.caseRule(), flags.rule(), row.origin());
    }

    String englishName(String code) {
        return englishNames.getOrDefault(code, code);
    }

    List<DictionaryEntry> entries() {
        return entries;
    }

    private static Map<String, String> englishNames() {
        Map<String, String> names = new TreeMap<>();
        for (String cc : Locale.getISOCountries()) {
            names.put(cc, new Locale("", cc).getDisplayCountry(Locale.ENGLISH));
        }
        names.putAll(EXTRA_CODES);
        return names;
    }

    /** JDK display names; a spelling that names two countries in different languages is dropped. */
    private static List<DictionaryEntry> generated() {
        Map<String, Set<String>> codesBySurface = new HashMap<>();
        Map<String, String> surfaceByFolded = new LinkedHashMap<>();
        for (String cc : Locale.getISOCountries()) {
            Locale country = new Locale("", cc);
            for (Locale lang : LANGUAGES) {
                String name = country.getDisplayCountry(lang);
                if (name.isBlank() || name.equalsIgnoreCase(cc)) {
                    continue;
                }
                for (String variant : variants(name, lang)) {
                    String folded = TextNormalizer.fold(variant).strip();
                    if (folded.length() < 3) {
                        continue;
                    }
                    codesBySurface.computeIfAbsent(folded, k -> new HashSet<>()).add(cc);
                    surfaceByFolded.putIfAbsent(folded, variant);
                }
            }
        }
        List<DictionaryEntry> out = new ArrayList<>();
        for (Map.Entry<String, String> e : surfaceByFolded.entrySet()) {
            Set<String> codes = codesBySurface.get(e.getKey());
            if (codes.size() != 1) {
                LOG.debug("dropping ambiguous JDK country name '{}' -> {}", e.getValue(), codes);
                continue;
            }
            out.add(DictionaryEntry.of(EntryType.COUNTRY, codes.iterator().next(), e.getValue(),
                    CaseRule.INITIAL, null, "JDK display names"));
        }
        return out;
    }

    /** Spellings a JDK display name stands for in running text. */
    static List<String> variants(String name, Locale lang) {
        Set<String> out = new java.util.LinkedHashSet<>();
        String base = name;
        int paren = name.indexOf('(');
        if (paren > 0 && name.endsWith(")")) {
            // "Myanmar (Burma)", "Британские Виргинские о-ва (Великобритания)": the bracket often
            // names another country, so only the part before it is kept; curated lines add the rest.
            base = name.substring(0, paren).strip();
        }
        out.add(base);
        if (base.contains(" - ")) {
            out.add(base.replace(" - ", "-"));
        }
        if (base.contains("&")) {
            String and = switch (lang.getLanguage()) {
                case "fr" -> "et";
                case "de" -> "und";
                case "es" -> "y";
                case "pt" -> "e";
                case "ru" -> "и";
                default -> "and";
            };
            out.add(base.replace("&", and));
        }
        if (base.startsWith("St. ")) {
            out.add("Saint " + base.substring(4));
        }
        if (lang.getLanguage().equals("ru") && !base.contains(" ") && !base.contains("-")) {
            out.addAll(russianCases(base));
        }
        return new ArrayList<>(out);
    }

    /** Nominal case forms of a one-word Russian country name (Россия: России, Россию, Россией). */
    static List<String> russianCases(String name) {
        String stem;
        List<String> endings;
        if (name.endsWith("ия")) {
            stem = name.substring(0, name.length() - 1);
            endings = List.of("я", "и", "ю", "ей", "ею");
        } else if (name.endsWith("а")) {
            stem = name.substring(0, name.length() - 1);
            endings = List.of("а", "ы", "и", "е", "у", "ой", "ою");
        } else if (name.endsWith("я")) {
            stem = name.substring(0, name.length() - 1);
            endings = List.of("я", "и", "е", "ю", "ей");
        } else if (name.endsWith("й")) {
            stem = name.substring(0, name.length() - 1);
            endings = List.of("й", "я", "ю", "ем", "е");
        } else if (name.endsWith("ь") || name.endsWith("о") || name.endsWith("и") || name.endsWith("у")
                || name.endsWith("е") || name.endsWith("ы") || name.endsWith("ю") || name.endsWith("э")) {
            return List.of(name); // indeclinable or irregular: nominative only
        } else {
            stem = name;
            endings = List.of("", "а", "у", "ом", "е");
        }
        List<String> out = new ArrayList<>();
        for (String end : endings) {
            out.add(stem + end);
        }
        return out;
    }

    static List<String> codes() {
        List<String> all = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        all.addAll(EXTRA_CODES.keySet());
        return all;
    }
}
