package org.influencemonitor.app.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's line of the fault table: what went in, and each output topic compared with the
 * fault-free run. {@code failure} is set when the scenario could not run to its end; {@code dead} lists
 * the components that were no longer running at the end.
 */
record FaultRow(String scenario, String description, int articlesIn, String ingestSummary, Comparison alerts,
                Comparison enriched, Comparison windows, int late, int deadLetters, List<String> dead,
                String failure) {

    static FaultRow failed(String scenario, String description, int articlesIn, String failure) {
        return new FaultRow(scenario, description, articlesIn, "", null, null, null, 0, 0, List.of(), failure);
    }

    static FaultRow of(String scenario, String description, int articlesIn, String ingestSummary, RunOutput reference,
                       RunOutput run, List<String> dead) {
        return new FaultRow(scenario, description, articlesIn, ingestSummary, Comparison.of(reference.alerts(), run.alerts()),
                Comparison.of(reference.enriched(), run.enriched()), Comparison.of(reference.windows(), run.windows()),
                run.late(), run.deadLetters(), dead, null);
    }

    /** Zero lost, duplicated or differing records in every topic, nothing late, every component alive. */
    boolean clean() {
        return failure == null && alerts.clean() && enriched.clean() && windows.clean() && late == 0 && dead.isEmpty();
    }

    /** What made the row fail, with examples, for the lines under the table. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (failure != null) {
            out.add(scenario + ": did not run to its end: " + failure);
            return out;
        }
        add(out, "alerts", alerts);
        add(out, "articles.enriched", enriched);
        add(out, "final windows", windows);
        if (late > 0) {
            out.add(scenario + ": " + late + " records in articles.late");
        }
        if (!dead.isEmpty()) {
            out.add(scenario + ": no longer running at the end: " + String.join(", ", dead));
        }
        return out;
    }

    private void add(List<String> out, String topic, Comparison c) {
        if (!c.clean()) {
            out.add(scenario + ": " + topic + ": " + c.lost() + " lost, " + c.duplicated() + " duplicated, "
                    + c.differing() + " differing");
            c.examples().forEach(e -> out.add("  " + e));
        }
    }
}
