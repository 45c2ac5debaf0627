package org.influencemonitor.processor.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only view of the surface forms a tagger matches, for tools that need the same term list
 * (the benchmark baselines in bench/, dictionary audits). Not used on the tagging path.
 */
public final class TaggerDictionaries {
    private TaggerDictionaries() {
    }

    /** The transition tables of the bundled tagger's automata, one line per script group, and their total size. */
    public static String automataReport() {
        StringBuilder b = new StringBuilder();
        long total = 0;
        for (TermAutomaton a : Tagger.defaults().automata()) {
            b.append(a).append(System.lineSeparator());
            total += a.tableBytes();
        }
        return b.append("tables: ").append(total).append(" bytes").toString();
    }

    /** Every surface form of the bundled dictionaries, as written in the files (inflection stars removed). */
    public static List<String> bundledSurfaceForms() {
        List<String> out = new ArrayList<>();
        for (DictionaryEntry e : Tagger.defaults().entries()) {
            out.add(e.surface());
        }
        return out;
    }
}
