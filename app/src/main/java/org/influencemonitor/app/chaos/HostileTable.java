package org.influencemonitor.app.chaos;

import java.io.PrintWriter;
import java.util.List;

/** The hostile corpus's table: per entry point, records in against where each one went. */
final class HostileTable {
    private HostileTable() {
    }

    static void print(PrintWriter out, List<HostileRow> rows) {
        out.println("| entry point | records in | enriched (expected) | dead letters: ingest | dead letters: processor "
                + "| duplicates | skipped | refused by the client | accounted for | components running | result |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (HostileRow r : rows) {
            out.println("| " + r.entryPoint() + " | " + r.in() + " | " + r.enriched() + " (" + r.expectedEnriched() + ") | "
                    + r.ingestDeadLetters() + " | " + r.processorDeadLetters() + " | " + r.duplicates() + " | "
                    + r.skipped() + " | " + r.refused() + " | " + r.accounted() + " | " + (r.running() ? "yes" : "NO")
                    + " | " + (r.addsUp() ? "ok" : "FAIL") + " |");
        }
        out.println();
        rows.stream().filter(r -> !r.notes().isEmpty()).forEach(r -> out.println("- " + r.entryPoint() + ": " + r.notes()));
        out.flush();
    }
}
