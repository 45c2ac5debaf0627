package org.influencemonitor.processor.tagging;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text so that one automaton pass can match every spelling of a term: Unicode NFKC (full-width
 * and ligature forms), lower case, diacritics stripped (so "Türkiye", "Turkiye", "élections" and
 * "elections" meet, and Russian "ё" meets "е"), "ß" to "ss", typographic apostrophes and dashes to
 * ASCII, and every run of white space to one space so that multi-word terms survive line breaks.
 *
 * <p>Folding is done per UTF-16 char from a precomputed table rather than by calling
 * {@link Normalizer} on the document: that keeps a back-mapping to original offsets trivial and is
 * what makes the tagger fast. The per-char NFKC approximation loses nothing we match on, because
 * combining marks are dropped anyway. Supplementary-plane chars (emoji, rare scripts) pass through
 * unchanged and count as non-word chars.
 */
final class TextNormalizer {
    /** Marks a table slot whose folding is not a single char: see {@link #MULTI}. */
    static final char DELETE = '\uFFFF';
    static final char MULTI = '\uFFFE';
    /** Folding of each UTF-16 char: the folded char, {@link #DELETE} or {@link #MULTI}. Read-only. */
    static final char[] SINGLE = new char[65536];
    /** For {@link #MULTI} slots, the folded string (e.g. "ss" for "ß", "fi" for the ligature). Read-only. */
    static final String[] MULTI_FOLD = new String[65536];
    private static final boolean[] WORD = new boolean[65536];

    /**
     * Zero-width non-joiner: the Persian half-space between a word and its suffix
     * ("انتخابات‌ها", elections + plural). It folds to a space so that the word keeps its boundary.
     */
    static final char ZWNJ = '\u200C';
    /**
     * Arabic-script letters written differently in Persian and Arabic, or interchangeably in
     * Arabic news: Persian yeh and keheh, alef maksura, teh marbuta; tatweel (a stretching stroke) drops.
     */
    private static final java.util.Map<Character, String> ARABIC_LETTER_VARIANTS = java.util.Map.of(
            '\u06CC', "\u064A", '\u0649', "\u064A", '\u06A9', "\u0643", '\u0629', "\u0647", '\u0640', "");

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch)) {
                SINGLE[c] = ch;
                continue;
            }
            String folded = foldSlow(String.valueOf(ch));
            if (folded.isEmpty() || folded.length() == 1 && folded.charAt(0) >= MULTI) {
                // The noncharacters U+FFFE and U+FFFF fold to themselves, which would read as the
                // table's sentinels (U+FFFE used to make normalize() throw): drop both.
                SINGLE[c] = DELETE;
            } else if (folded.length() == 1) {
                SINGLE[c] = folded.charAt(0);
            } else {
                SINGLE[c] = MULTI;
                MULTI_FOLD[c] = folded;
            }
        }
        for (int c = 0; c < 65536; c++) {
            WORD[c] = (Character.isLetterOrDigit((char) c) || isKeptMark((char) c)) && !Character.isSurrogate((char) c);
        }
        // Table sentinels must never be reported as letters.
        WORD[DELETE] = false;
        WORD[MULTI] = false;
    }

    private TextNormalizer() {
    }

    /**
     * Scripts whose combining marks are part of the spelling, not optional accents: Hangul and kana
     * would decompose into jamo or lose their voicing marks ("ドイツ" is not "トイツ"), and Devanagari
     * vowel signs tell "रूस" (Russia) from "रस" (juice). These keep their marks, except the nukta dot,
     * which Hindi writers add or leave out ("इज़राइल", "इजराइल").
     */
    private static boolean keepsMarks(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.DEVANAGARI;
    }

    private static String foldKeepingMarks(String t) {
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '\u093C') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The folding of a dictionary term; the same function the document goes through. */
    static String fold(String s) {
        NormalizedText n = normalize(s);
        return new String(n.chars(), 0, n.length());
    }

    /** A combining mark that survives folding (a Devanagari vowel sign) is inside a word, like a letter. */
    private static boolean isKeptMark(char c) {
        int type = Character.getType(c);
        return (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) && keepsMarks(c);
    }

    static boolean isWordChar(char c) {
        return WORD[c];
    }

    static NormalizedText normalize(String text) {
        int n = text.length();
        char[] out = new char[n + 16];
        int[] start = new int[n + 16];
        int len = 0;
        boolean lastSpace = true; // leading white space is dropped
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char f = SINGLE[c];
            if (f == DELETE) {
                continue;
            }
            if (f == ' ') {
                if (lastSpace) {
                    continue;
                }
                lastSpace = true;
            } else {
                lastSpace = false;
            }
            if (f == MULTI) {
                String m = MULTI_FOLD[c];
                if (len + m.length() > out.length) {
                    int cap = Math.max(out.length * 2, len + m.length() + 16);
                    out = java.util.Arrays.copyOf(out, cap);
                    start = java.util.Arrays.copyOf(start, cap);
                }
                for (int k = 0; k < m.length(); k++) {
                    out[len] = m.charAt(k);
                    start[len] = i;
                    len++;
                }
                lastSpace = m.charAt(m.length() - 1) == ' ';
                continue;
            }
            if (len == out.length) {
                int cap = out.length * 2 + 16;
                out = java.util.Arrays.copyOf(out, cap);
                start = java.util.Arrays.copyOf(start, cap);
            }
            out[len] = f;
            start[len] = i;
            len++;
        }
        return new NormalizedText(text, out, start, len);
    }

    private static String foldSlow(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (keepsMarks(s.charAt(0))) {
            return foldKeepingMarks(t);
        }
        t = Normalizer.normalize(t, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int type = Character.getType(c);
            if (c == ZWNJ) {
                b.append(' ');
                continue;
            }
            String letter = ARABIC_LETTER_VARIANTS.get(c);
            if (letter != null) {
                b.append(letter);
                continue;
            }
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
                continue; // diacritics, soft hyphens, zero-width joiners
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append(' ');
            } else if (c == 'ß') {
                b.append("ss");
            } else if (c == 'ς') {
                b.append('σ'); // final sigma
            } else if (c == '\u2018' || c == '\u2019' || c == '\u02BC' || c == '\u2032' || c == '`' || c == '\u00B4') {
                b.append('\'');
            } else if (c == '\u05F3') {
                b.append('\''); // Hebrew geresh, as in צ׳כיה, is typed as an apostrophe just as often
            } else if (c == '\u05F4') {
                b.append('"'); // Hebrew gershayim, as in ארה״ב (USA), is typed as a double quote just as often
            } else if (c == '\u0131') {
                b.append('i'); // Turkish dotless ı: "OY PUSULASI" lower-cases to "pusulasi", not "pusulası"
            } else if (c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212') {
                b.append('-');
            } else if (Character.getType(c) == Character.CONTROL) {
                b.append(' '); // tabs, CR, LF and other controls separate words
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
