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
 * Country surface forms: every ISO 3166-1 name the JDK's CLDR data gives in the languages of
 * {@link #LANGUAGES}, with the case forms of inflecting languages ({@link CountryNameForms}: "в России",
 * "w Rosji", "Oroszországban"), and the curated {@code countries.tsv}: abbreviations, demonyms,
 * capitals used as metonyms, US states, irregular forms.
 *
 * <p>{@code countries.tsv}: {@code CODE<TAB>surface<TAB>flags}. The key of a line is its folded
 * surface, so a curated or user line replaces a generated one for the same spelling (this is how
 * "Georgia" gets its ambiguity rule). CODE {@code -} means "this spelling is not a country".
 */
final class CountryDictionary {
    static final String FILE = "countries.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(CountryDictionary.class);
    /** The languages whose CLDR country names (through the JDK) are generated; zh-Hant is Taiwan's and Hong Kong's script. */
    static final List<Locale> LANGUAGES = java.util.stream.Stream.of("en", "fr", "de", "es", "pt", "ru",
            "ro", "uk", "pl", "cs", "sk", "hu", "bg", "ka", "tr", "ar", "fa", "he", "zh", "zh-Hant", "ja", "ko", "id", "hi")
            .map(Locale::forLanguageTag).toList();
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
        List<DictionaryEntry> lines = new ArrayList<>();
        for (List<DictionaryFile.Row> rows : List.of(curated, user)) {
            for (DictionaryFile.Row row : rows) {
                lines.add(DictionaryFile.checked(row, r -> parse(r, names)));
            }
        }
        // A curated spelling replaces every generated line of that spelling, whatever their languages:
        // "CO Columbia lang=ro" keeps the Romanian name of Colombia out of "District of Columbia".
        Set<String> curatedSpellings = new HashSet<>();
        lines.forEach(e -> curatedSpellings.add(spelling(e)));
        for (DictionaryEntry e : generated()) {
            if (!curatedSpellings.contains(spelling(e))) {
                bySurface.put(key(e), e);
            }
        }
        for (DictionaryEntry e : lines) {
            bySurface.put(key(e), e);
        }
        return new CountryDictionary(names, List.copyOf(bySurface.values()));
    }

    private static DictionaryEntry parse(DictionaryFile.Row row, Map<String, String> names) {
        row.requireFields(2, "CODE, surface[, flags]");
        String code = row.field(0).toUpperCase(Locale.ROOT);
        DictionaryFile.Flags flags = DictionaryFile.flags(row, 2, CaseRule.INITIAL);
        if (code.equals("-")) {
            return DictionaryEntry.of(EntryType.IGNORE, "-", row.field(1), flags, row.origin());
        }
        if (!names.containsKey(code)) {
            throw row.error("unknown country code '" + code + "' (ISO 3166-1 alpha-2 expected)");
        }
        return DictionaryEntry.of(EntryType.COUNTRY, code, row.field(1), flags, row.origin());
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

    /**
     * JDK display names in every language of {@link #LANGUAGES} and their inflected forms
     * ({@link CountryNameForms}); a spelling that names two countries in different languages is
     * dropped. Inflected forms apply to their own language only.
     */
    private static List<DictionaryEntry> generated() {
        Map<String, Set<String>> codesBySurface = new HashMap<>();
        Map<String, DictionaryEntry> byKey = new LinkedHashMap<>();
        for (String cc : Locale.getISOCountries()) {
            Locale country = new Locale("", cc);
            for (Locale lang : LANGUAGES) {
                String name = country.getDisplayCountry(lang);
                if (name.isBlank() || name.equalsIgnoreCase(cc)) {
                    continue;
                }
                for (CountryNameForms.Form form : CountryNameForms.of(name, lang)) {
                    Set<String> languages = form.inflected() ? Set.of(lang.getLanguage()) : Set.of();
                    DictionaryEntry e = DictionaryEntry.of(EntryType.COUNTRY, cc, form.surface(),
                            new DictionaryFile.Flags(CaseRule.INITIAL, null, languages), "JDK display names");
                    if (e.folded().length() < minLength(e.folded())) {
                        continue;
                    }
                    String key = key(e);
                    codesBySurface.computeIfAbsent(key, k -> new HashSet<>()).add(cc);
                    byKey.putIfAbsent(key, e);
                }
            }
        }
        List<DictionaryEntry> out = new ArrayList<>();
        for (Map.Entry<String, DictionaryEntry> e : byKey.entrySet()) {
            Set<String> codes = codesBySurface.get(e.getKey());
            if (codes.size() != 1) {
                LOG.debug("dropping ambiguous JDK country name '{}' -> {}", e.getValue().surface(), codes);
                continue;
            }
            out.add(e.getValue());
        }
        return out;
    }

    /**
     * What a user line replaces: the line with the same folded spelling, the same prefix star and
     * the same languages (so "Gruzj*" for Polish and "Gruzja" stay two lines).
     */
    static String key(DictionaryEntry e) {
        return spelling(e) + (e.languages().isEmpty() ? "" : "|" + String.join("|", new java.util.TreeSet<>(e.languages())));
    }

    private static String spelling(DictionaryEntry e) {
        return e.folded() + (e.prefix() ? "*" : "");
    }

    /** Two Han, kana or Hangul chars make a word ("中国", "미국"); alphabetic names need three ("Iran" but not "UK"). */
    private static int minLength(String folded) {
        char c = folded.charAt(0);
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA ? 2 : 3;
    }

    static List<String> codes() {
        List<String> all = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        all.addAll(EXTRA_CODES.keySet());
        return all;
    }
}
