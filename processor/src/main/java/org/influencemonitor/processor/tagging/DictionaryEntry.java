package org.influencemonitor.processor.tagging;

/**
 * One surface form of a dictionary: what it stands for ({@code type}, {@code id}), how it must be
 * written ({@code caseRule}), whether it is a word prefix covering inflections ({@code prefix},
 * written with a trailing {@code *} in the files) and the name of an {@link AmbiguityRules} rule
 * that must accept it in context (or null). {@code languages} are the article languages (ISO 639-1)
 * it applies to, written {@code lang=pl|cs} in the files; empty means every language. An article whose
 * language is unknown sees only the unrestricted entries: a restricted line is one that would be a
 * false match in other languages' text (Polish "Dani*" for Denmark would take "Daniel"). {@code origin} is "file:line" for error messages.
 */
record DictionaryEntry(
        EntryType type,
        String id,
        String surface,
        String folded,
        boolean prefix,
        CaseRule caseRule,
        String rule,
        java.util.Set<String> languages,
        String origin) {

    boolean appliesTo(String language) {
        return languages.isEmpty() || language != null && languages.contains(language);
    }

    static DictionaryEntry of(EntryType type, String id, String surface, CaseRule caseRule, String rule, String origin) {
        return of(type, id, surface, new DictionaryFile.Flags(caseRule, rule, java.util.Set.of()), origin);
    }

    static DictionaryEntry of(EntryType type, String id, String surface, DictionaryFile.Flags flags, String origin) {
        CaseRule caseRule = flags.caseRule();
        String rule = flags.rule();
        String s = surface.strip();
        boolean prefix = s.endsWith("*");
        if (prefix) {
            s = s.substring(0, s.length() - 1);
        }
        String folded = TextNormalizer.fold(s).strip();
        if (folded.isEmpty()) {
            throw new IllegalArgumentException(origin + ": empty surface form '" + surface + "'");
        }
        return new DictionaryEntry(type, id, s, folded, prefix, caseRule, rule, flags.languages(), origin);
    }
}
