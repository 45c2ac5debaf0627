package org.influencemonitor.processor.tagging;

/**
 * The script a dictionary term and a document's chars belong to, for splitting the automaton: one
 * full transition table over every script's letters would be as wide as their union (over a
 * thousand Han, Hangul, Arabic and Georgian symbols) for every state, hundreds of megabytes. One
 * automaton per group keeps each table as narrow as its own alphabet, and a document only pays for
 * the groups whose letters it contains (an English article scans the Latin automaton alone).
 *
 * <p>Group 0 is Latin and everything not listed (digits, punctuation, Greek); it is always scanned.
 */
final class ScriptGroup {
    static final int LATIN = 0;
    static final int COUNT = 8;
    /** Bit {@code 1 << group} for the letters of each group but Latin; 0 for Latin, digits, spaces, punctuation. */
    static final byte[] PRESENCE = new byte[65536];
    /** Below this char every group is Latin (Greek and Coptic start here, Cyrillic after them). */
    static final char FIRST_NON_LATIN = '\u0370';

    static {
        for (int c = 0; c < 65536; c++) {
            int g = ofChar((char) c);
            PRESENCE[c] = (byte) (g == LATIN ? 0 : 1 << g);
            if (c < FIRST_NON_LATIN && g != LATIN) {
                throw new IllegalStateException("script group below U+0370: " + Integer.toHexString(c));
            }
        }
    }

    private ScriptGroup() {
    }

    static int ofChar(char c) {
        if (Character.isSurrogate(c)) {
            return LATIN;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case CYRILLIC -> 1;
            case ARABIC -> 2;
            case HEBREW -> 3;
            case HAN, HIRAGANA, KATAKANA -> 4;
            case HANGUL -> 5;
            case GEORGIAN -> 6;
            case DEVANAGARI -> 7;
            default -> LATIN;
        };
    }

    /** The group of a folded term: that of its first char with a script of its own ("ー" and digits have none). */
    static int ofTerm(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED) {
                return ofChar(c);
            }
        }
        return LATIN;
    }
}
