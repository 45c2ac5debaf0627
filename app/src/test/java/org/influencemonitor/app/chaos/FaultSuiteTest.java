package org.influencemonitor.app.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short form, as CI runs it: the replay without faults, then with the processor
 * SIGKILLed mid-replay and restarted, and with the broker stopped and started again while ingest sends,
 * each on a broker of its own with every component a child process of this build; then the hostile corpus
 * through standard input and straight into {@code articles.raw}. Every alert event, enriched article and
 * final window count must be the fault-free run's, none lost, none twice, and every hostile record must be
 * accounted for with every component still running. {@code -Dmonitor.chaos.full=true} runs every
 * scenario and entry point instead (what {@code ./monitor chaos} runs).
 */
class FaultSuiteTest {
    private static final boolean FULL = Boolean.getBoolean("monitor.chaos.full");

    @Test
    void faultsLoseDuplicateAndChangeNothingAndTheHostileCorpusIsAccountedFor() throws Exception {
        // Under target/, not a temporary directory: the children's logs are there to read when a row fails.
        Path dir = Path.of("target", "fault-suite");
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
        Replay replay = Replay.of(11);
        List<FaultScenarios.Scenario> scenarios = FaultScenarios.ALL.stream().filter(s -> FULL || s.inShort()).toList();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        List<FaultRow> rows = new FaultSuite(dir, replay, Duration.ofSeconds(FULL ? 20 : 10), out).run(scenarios);
        List<HostileRow> hostile = HostileRun.run(dir.resolve("hostile"), FULL ? HostileRun.ENTRY_POINTS : List.of("stdin", "raw"));
        FaultTable.print(out, rows);
        HostileTable.print(out, hostile);
        System.out.println(text);

        FaultRow reference = rows.get(0);
        assertTrue(reference.alerts().expected() > 0, "the fault-free run raises alerts");
        assertEquals(replay.size(), reference.enriched().expected(), "every article of the replay is enriched");
        assertTrue(reference.windows().expected() > 0, "the fault-free run closes windows");
        assertEquals(scenarios.size() + 1, rows.size());
        for (FaultRow row : rows) {
            assertTrue(row.clean(), row.scenario() + ": " + String.join("\n", row.problems()) + "\n" + text);
            assertEquals(reference.alerts().expected(), row.alerts().delivered(), row.scenario() + " delivered every alert event");
        }
        assertEquals(FULL ? 4 : 2, hostile.size());
        for (HostileRow row : hostile) {
            assertTrue(row.addsUp(), row.entryPoint() + " does not add up:\n" + text);
            assertTrue(row.enriched() > 0 && row.processorDeadLetters() + row.ingestDeadLetters() > 0,
                    row.entryPoint() + " both enriched and dead-lettered records");
        }
    }
}
