package org.influencemonitor.processor.tagging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The spellings a JDK (CLDR) country name stands for in running text of its language: the name
 * itself, cleaned up, and the case forms that inflecting languages make of it. Each rule is one
 * method below and one row of the table "Country names" in docs/tagger.md.
 *
 * <p>Forms other than the name itself are {@link Form#inflected()}: the dictionary restricts them to
 * their own language, because a stem such as Polish "Ukrain*" must not fire in English text. A
 * surface ending in {@code *} is a word prefix (the stem of a case paradigm).
 */
final class CountryNameForms {
    /** One spelling; {@code surface} may end in {@code *}. */
    record Form(String surface, boolean inflected) {
    }

    /** Stems shorter than this match too many unrelated words ("Čín*" would take "Činnost"). */
    private static final int MIN_STEM = 4;

    private CountryNameForms() {
    }

    static List<Form> of(String name, Locale lang) {
        Set<String> plain = new LinkedHashSet<>();
        String base = name;
        int paren = name.indexOf('(');
        if (paren > 0 && name.endsWith(")")) {
            // "Myanmar (Burma)", "Британские Виргинские о-ва (Великобритания)": the bracket often
            // names another country, so only the part before it is kept; curated lines add the rest.
            base = name.substring(0, paren).strip();
        }
        plain.add(base);
        if (base.contains(" - ")) {
            plain.add(base.replace(" - ", "-"));
        }
        if (base.contains("&")) {
            plain.add(base.replace("&", conjunction(lang)));
        }
        if (base.startsWith("St. ")) {
            plain.add("Saint " + base.substring(4));
        }
        List<Form> out = new ArrayList<>();
        plain.forEach(s -> out.add(new Form(s, false)));
        boolean oneWord = !base.contains(" ") && !base.contains("-");
        String language = lang.getLanguage();
        if (language.equals("ru") && oneWord) {
            // Generated before the other languages were added, and applied to every language since.
            russianCases(base).forEach(s -> out.add(new Form(s, false)));
        }
        for (String s : inflections(base, language, oneWord)) {
            out.add(new Form(s, true));
        }
        return out;
    }

    private static List<String> inflections(String name, String language, boolean oneWord) {
        return switch (language) {
            case "uk" -> oneWord ? stem(name, "ія", 1, "а", 1, "я", 1, "о", 1, "ь", 1, "й", 1) : List.of();
            case "pl" -> oneWord && !endsWithAny(name, "y", "i", "e") ? stem(name, "ia", 1, "ja", 1, "a", 1) : List.of();
            case "cs", "sk" -> oneWord ? stem(name, "ie", 1, "o", 1, "a", 1) : List.of();
            case "ro" -> oneWord ? romanianCases(name) : List.of();
            case "hu" -> List.of(name + "*");
            case "ka" -> georgianStem(name);
            default -> List.of();
        };
    }

    /**
     * Slavic case paradigms as one word prefix: the name less its nominative ending, so "Rosja" gives
     * "Rosj*" (Rosji, Rosję, Rosją) and "Rusko" gives "Rusk*" (Ruska, Rusku, Ruskem). {@code endings}
     * alternates an ending and how many of its chars to drop ("ія", 1: Росія keeps "Росі"); a name with
     * none of them is a consonant stem and is its own prefix ("Iran*": Iranu, Iranie).
     */
    private static List<String> stem(String name, Object... endings) {
        String stem = name;
        for (int i = 0; i < endings.length; i += 2) {
            String ending = (String) endings[i];
            if (name.endsWith(ending)) {
                stem = name.substring(0, name.length() - (Integer) endings[i + 1]);
                break;
            }
        }
        return TextNormalizer.fold(stem).length() >= MIN_STEM ? List.of(stem + "*") : List.of();
    }

    /**
     * Romanian adds the article and the genitive-dative at the end: "Rusia" → "Rusiei", "Moldova" →
     * "Moldovei", "Iran" → "Iranul", "Iranului". Exact forms, since a Romanian stem is often an
     * English word.
     */
    private static List<String> romanianCases(String name) {
        if (name.endsWith("a")) {
            return List.of(name.substring(0, name.length() - 1) + "ei");
        }
        if (endsWithAny(name, "e", "i", "o", "u")) {
            return List.of();
        }
        return List.of(name + "ul", name + "ului");
    }

    /**
     * Georgian case endings replace a final -ი or -ა and follow any other vowel: რუსეთი → რუსეთის,
     * რუსეთში, რუსეთმა (stem რუსეთ*), საქართველო → საქართველოს (stem საქართველო*). The last word of
     * a longer name carries the ending.
     */
    private static List<String> georgianStem(String name) {
        String stem = name.endsWith("ი") || name.endsWith("ა") ? name.substring(0, name.length() - 1) : name;
        return stem.length() >= 3 ? List.of(stem + "*") : List.of();
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
        } else if (endsWithAny(name, "ь", "о", "и", "у", "е", "ы", "ю", "э")) {
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

    private static boolean endsWithAny(String s, String... endings) {
        for (String e : endings) {
            if (s.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private static String conjunction(Locale lang) {
        return switch (lang.getLanguage()) {
            case "fr" -> "et";
            case "de" -> "und";
            case "es" -> "y";
            case "pt" -> "e";
            case "ru", "uk", "bg" -> "и";
            case "ro" -> "și";
            case "pl", "cs", "sk" -> "i";
            case "hu" -> "és";
            case "tr" -> "ve";
            case "id" -> "dan";
            default -> "and";
        };
    }
}
