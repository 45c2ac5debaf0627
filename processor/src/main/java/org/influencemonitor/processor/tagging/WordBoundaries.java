package org.influencemonitor.processor.tagging;

/**
 * Where a dictionary term may begin and end in folded text. The rule follows the script of the
 * term's first and last char (docs/tagger.md, "Word boundaries"):
 * <ul>
 * <li>scripts written with spaces (Latin, Cyrillic, Greek, Georgian, Armenian, Arabic, Hebrew,
 * Devanagari, Hangul): the neighbour must not be a letter or digit of such a script. Han and kana
 * neighbours are boundaries, since Chinese and Japanese run Latin names straight into their text;
 * <li>Han and hiragana: no boundary, there are no spaces to find. Matches inside an unrelated longer
 * word ("其中国家": "among them, states", not China) are kept out by ignore phrases that win the span;
 * <li>katakana: a loanword ends where the katakana run ends ("インド" India is not in "インドア" indoor);
 * <li>clitics: an Arabic or Hebrew term may start after glued prefixes, and a term may end in a
 * Korean particle ({@link Clitics}).
 * </ul>
 */
final class WordBoundaries {
    private static final byte OTHER = 0;
    private static final byte SPACED = 1;
    private static final byte UNSPACED = 2;
    private static final byte KATAKANA = 3;
    private static final byte[] CLASS = new byte[65536];

    static {
        for (int i = 0; i < 65536; i++) {
            char c = (char) i;
            if (!TextNormalizer.isWordChar(c)) {
                CLASS[i] = OTHER;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.KATAKANA || c == '\u30FC') {
                CLASS[i] = KATAKANA; // ー, the long-vowel mark, is written only inside katakana words
            } else if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                    || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR) {
                CLASS[i] = UNSPACED;
            } else {
                CLASS[i] = SPACED;
            }
        }
    }

    private final Clitics clitics;

    WordBoundaries(Clitics clitics) {
        this.clitics = clitics;
    }

    /** Whether a term may start at {@code start}, clitic prefixes allowed. */
    boolean startOk(char[] chars, int start) {
        if (isWordStart(chars, start)) {
            return true;
        }
        return CLASS[chars[start]] == SPACED && clitics.prefixBefore(chars, start, this);
    }

    /** Whether a term may end at {@code end} (exclusive), clitic suffixes allowed. */
    boolean endOk(char[] chars, int end, int length) {
        if (isWordEnd(chars, end, length)) {
            return true;
        }
        return CLASS[chars[end - 1]] == SPACED && clitics.suffixAfter(chars, end, length, this);
    }

    /** Where the word that a prefix term ({@code Wahl*}) starts ends: the run of its script's word chars. */
    int endOfWord(char[] chars, int end, int length) {
        byte k = CLASS[chars[end - 1]];
        if (k == UNSPACED) {
            return end;
        }
        while (end < length && CLASS[chars[end]] == k) {
            end++;
        }
        return end;
    }

    boolean isWordStart(char[] chars, int start) {
        if (start == 0) {
            return true;
        }
        byte first = CLASS[chars[start]];
        byte before = CLASS[chars[start - 1]];
        return switch (first) {
            case UNSPACED, OTHER -> true;
            case KATAKANA -> before != KATAKANA;
            default -> before != SPACED;
        };
    }

    boolean isWordEnd(char[] chars, int end, int length) {
        if (end >= length) {
            return true;
        }
        byte last = CLASS[chars[end - 1]];
        byte after = CLASS[chars[end]];
        return switch (last) {
            case UNSPACED, OTHER -> true;
            case KATAKANA -> after != KATAKANA;
            default -> after != SPACED;
        };
    }
}
