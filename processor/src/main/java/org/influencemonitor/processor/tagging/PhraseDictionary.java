package org.influencemonitor.processor.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dictionaries whose lines are "what it stands for, then a surface form": election terms
 * ({@code election-terms.tsv}: canonical term, language, surface, flags), narratives
 * ({@code narratives.tsv}: narrative id, language, surface, flags), context cues
 * ({@code context-cues.tsv}: cue set, surface, flags) and ignored phrases ({@code ignore.tsv}:
 * surface, flags). The key of a line is its folded surface.
 */
final class PhraseDictionary {
    static final String TERMS = "election-terms.tsv";
    static final String NARRATIVES = "narratives.tsv";
    static final String CUES = "context-cues.tsv";
    static final String IGNORE = "ignore.tsv";

    private PhraseDictionary() {
    }

    static List<DictionaryEntry> electionTerms(Path dir) {
        return load(dir, TERMS, 3, "canonical term, language, surface[, flags]", EntryType.ELECTION_TERM, CaseRule.ANY);
    }

    static List<DictionaryEntry> narratives(Path dir) {
        return load(dir, NARRATIVES, 3, "narrative id, language, surface[, flags]", EntryType.NARRATIVE, CaseRule.ANY);
    }

    static List<DictionaryEntry> cues(Path dir) {
        return load(dir, CUES, 2, "cue set, surface[, flags]", EntryType.CUE, CaseRule.ANY);
    }

    static List<DictionaryEntry> ignored(Path dir) {
        return load(dir, IGNORE, 1, "surface[, flags]", EntryType.IGNORE, CaseRule.ANY);
    }

    /** {@code fields} is the number of mandatory fields; the surface is the last of them. */
    private static List<DictionaryEntry> load(Path dir, String file, int fields, String layout, EntryType type, CaseRule defaultCase) {
        int surface = fields - 1;
        List<DictionaryFile.Row> rows = DictionaryFile.merge(DictionaryFile.bundled(file),
                dir == null ? List.of() : DictionaryFile.override(dir, file),
                r -> TextNormalizer.fold(r.field(surface)) + "\u0000" + (fields > 1 ? r.field(0) : ""));
        List<DictionaryEntry> out = new ArrayList<>(rows.size());
        for (DictionaryFile.Row row : rows) {
            out.add(DictionaryFile.checked(row, r -> {
                r.requireFields(fields, layout);
                DictionaryFile.Flags flags = DictionaryFile.flags(r, fields, defaultCase);
                String id = fields > 1 ? r.field(0) : "-";
                return DictionaryEntry.of(type, id, r.field(surface), flags, r.origin());
            }));
        }
        return out;
    }
}
