package org.influencemonitor.language;

import java.util.Optional;

/**
 * The language a script gives away on its own: Georgian letters are Georgian, Hangul is Korean, any
 * kana is Japanese, Han without kana is Chinese, Hebrew letters are Hebrew and Devanagari is Hindi
 * among the languages detected here. Decided on the share of letters, so a Latin name or a URL in the
 * text does not hide the script; the statistical model is only asked about the other scripts.
 */
final class ScriptLanguage {
    /** A script decides when at least this share of the letters is written in it. */
    private static final double MAJORITY = 0.5;

    private static final java.util.Set<String> DECIDED = java.util.Set.of("ja", "zh", "ko", "ka", "he", "hi");

    private ScriptLanguage() {
    }

    /** Whether text in {@code language} is always recognised by its script here. */
    static boolean decides(String language) {
        return DECIDED.contains(language);
    }

    static Optional<String> of(CharSequence text) {
        int letters = 0;
        int georgian = 0;
        int hangul = 0;
        int kana = 0;
        int han = 0;
        int hebrew = 0;
        int devanagari = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(cp)) {
                case GEORGIAN -> georgian++;
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HEBREW -> hebrew++;
                case DEVANAGARI -> devanagari++;
                default -> { }
            }
        }
        if (letters == 0) {
            return Optional.empty();
        }
        if (kana > 0 && kana + han >= MAJORITY * letters) {
            return Optional.of("ja"); // Japanese mixes kana into Han; Chinese never does
        }
        if (han >= MAJORITY * letters) {
            return Optional.of("zh");
        }
        if (hangul >= MAJORITY * letters) {
            return Optional.of("ko");
        }
        if (georgian >= MAJORITY * letters) {
            return Optional.of("ka");
        }
        if (hebrew >= MAJORITY * letters) {
            return Optional.of("he");
        }
        if (devanagari >= MAJORITY * letters) {
            return Optional.of("hi");
        }
        return Optional.empty();
    }
}
