package org.influencemonitor.app.chaos;

import java.io.PrintWriter;
import java.util.List;

/** The fault suite's table, in Markdown so that it pastes into docs/faults.md as printed. */
final class FaultTable {
    private FaultTable() {
    }

    static void print(PrintWriter out, List<FaultRow> rows) {
        out.println("| scenario | articles in | alert events expected | delivered | lost | duplicated | differing "
                + "| enriched expected | lost | duplicated | differing | final windows expected | lost | duplicated "
                + "| differing | late | result |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (FaultRow r : rows) {
            if (r.failure() != null) {
                out.println("| " + r.scenario() + " | " + r.articlesIn() + " | | | | | | | | | | | | | | | NOT RUN |");
                continue;
            }
            out.println("| " + r.scenario() + " | " + r.articlesIn()
                    + cells(r.alerts(), true) + cells(r.enriched(), false) + cells(r.windows(), false)
                    + " | " + r.late() + " | " + (r.clean() ? "ok" : "FAIL") + " |");
        }
        out.println();
        for (FaultRow r : rows) {
            out.println("- " + r.scenario() + ": " + r.description() + (r.ingestSummary().isEmpty() ? "" : "; " + r.ingestSummary()));
        }
        List<String> problems = rows.stream().flatMap(r -> r.problems().stream()).toList();
        if (!problems.isEmpty()) {
            out.println();
            problems.forEach(out::println);
        }
        out.flush();
    }

    private static String cells(Comparison c, boolean withDelivered) {
        return " | " + c.expected() + (withDelivered ? " | " + c.delivered() : "") + " | " + c.lost() + " | "
                + c.duplicated() + " | " + c.differing();
    }
}
