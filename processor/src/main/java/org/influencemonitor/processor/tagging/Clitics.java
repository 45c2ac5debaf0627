package org.influencemonitor.processor.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Particles that are written glued to a word, so a name can sit inside a longer run of letters:
 * Arabic and Hebrew prefixes ("وروسيا" and Russia, "ברוסיה" in Russia) and Korean particles
 * ("러시아는", "미국의"). {@code clitics.tsv}: {@code language<TAB>prefix|suffix<TAB>form}; the key
 * of a line is its position and folded form. A prefix must itself start a word and a suffix end one,
 * so "وروسيا" is Russia but a country name in the middle of an unrelated word is not.
 */
final class Clitics {
    static final String FILE = "clitics.tsv";
    /** The Arabic article ال after the preposition ل loses its alef: ل + الصين = للصين ("to China"). */
    private static final String ARABIC_ARTICLE = "\u0627\u0644";
    private static final String ARABIC_LI_ARTICLE = "\u0644\u0644";

    private final char[][] prefixes;
    private final char[][] suffixes;
    /** Chars that end some prefix / start some suffix: most hits inside a word fail on one lookup. */
    private final boolean[] endsPrefix = new boolean[65536];
    private final boolean[] startsSuffix = new boolean[65536];

    private Clitics(List<String> prefixes, List<String> suffixes) {
        this.prefixes = longestFirst(prefixes);
        this.suffixes = longestFirst(suffixes);
        for (char[] p : this.prefixes) {
            endsPrefix[p[p.length - 1]] = true;
        }
        for (char[] s : this.suffixes) {
            startsSuffix[s[0]] = true;
        }
    }

    static Clitics load(Path overrideDir) {
        List<DictionaryFile.Row> rows = DictionaryFile.merge(DictionaryFile.bundled(FILE),
                overrideDir == null ? List.of() : DictionaryFile.override(overrideDir, FILE),
                r -> r.field(1) + "\u0000" + TextNormalizer.fold(r.field(2)));
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (DictionaryFile.Row row : rows) {
            DictionaryFile.checked(row, r -> {
                r.requireFields(3, "language, prefix|suffix, form");
                String form = TextNormalizer.fold(r.field(2)).strip();
                switch (r.field(1)) {
                    case "prefix" -> prefixes.add(form);
                    case "suffix" -> suffixes.add(form);
                    default -> throw r.error("expected prefix or suffix, got '" + r.field(1) + "'");
                }
                return null;
            });
        }
        return new Clitics(prefixes, suffixes);
    }

    /** The folded patterns a term is matched by: itself, and for Arabic terms with the article also its ل form. */
    static List<String> patterns(String folded) {
        if (folded.startsWith(ARABIC_ARTICLE) && folded.length() > 2) {
            return List.of(folded, ARABIC_LI_ARTICLE + folded.substring(2));
        }
        return List.of(folded);
    }

    /** Whether the letters right before {@code start} are one listed prefix that starts a word. */
    boolean prefixBefore(char[] chars, int start, WordBoundaries boundaries) {
        if (start == 0 || !endsPrefix[chars[start - 1]]) {
            return false;
        }
        for (char[] p : prefixes) {
            int from = start - p.length;
            if (from >= 0 && regionMatches(chars, from, p) && boundaries.isWordStart(chars, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the letters from {@code end} are one listed suffix that ends a word. */
    boolean suffixAfter(char[] chars, int end, int length, WordBoundaries boundaries) {
        if (end >= length || !startsSuffix[chars[end]]) {
            return false;
        }
        for (char[] s : suffixes) {
            int to = end + s.length;
            if (to <= length && regionMatches(chars, end, s) && boundaries.isWordEnd(chars, to, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(char[] chars, int from, char[] part) {
        for (int i = 0; i < part.length; i++) {
            if (chars[from + i] != part[i]) {
                return false;
            }
        }
        return true;
    }

    private static char[][] longestFirst(List<String> forms) {
        return forms.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(String::toCharArray).toArray(char[][]::new);
    }
}
