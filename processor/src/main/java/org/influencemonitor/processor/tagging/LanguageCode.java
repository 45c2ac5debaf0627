package org.influencemonitor.processor.tagging;

import java.util.Locale;

/** The article language as the dictionaries name it: the ISO 639-1 code of a BCP 47 tag ("pt-BR" is "pt"). */
final class LanguageCode {
    private LanguageCode() {
    }

    /** The primary language subtag in lower case, with the JDK's legacy codes mapped ("iw" is "he"); null if unknown. */
    static String normalize(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            case "und", "unknown", "" -> null;
            default -> primary;
        };
    }
}
