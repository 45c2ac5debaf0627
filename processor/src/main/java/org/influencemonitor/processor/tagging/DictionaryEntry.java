package org.influencemonitor.processor.tagging;

/**
 * One surface form of a dictionary: what it stands for ({@code type}, {@code id}), how it must be
 * written ({@code caseRule}), whether it is a word prefix covering inflections ({@code prefix},
 * written with a trailing {@code *} in the files) and the name of an {@link AmbiguityRules} rule
 * that must accept it in context (or null). {@code origin} is "file:line" for error messages.
 */
record DictionaryEntry(
        EntryType type,
        String id,
        String surface,
        String folded,
        boolean prefix,
        CaseRule caseRule,
        String rule,
        String origin) {

    static DictionaryEntry of(EntryType type, String id, String surface, CaseRule caseRule, String rule, String origin) {
        String s = surface.strip();
        boolean prefix = s.endsWith("*");
        if (prefix) {
            s = s.substring(0, s.length() - 1);
        }
        String folded = TextNormalizer.fold(s).strip();
        if (folded.isEmpty()) {
            throw new IllegalArgumentException(origin + ": empty surface form '" + surface + "'");
        }
        return new DictionaryEntry(type, id, s, folded, prefix, caseRule, rule, origin);
    }
}
