package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.influencemonitor.app.Monitor;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run, literally: {@code ./monitor demo --input FILE} with the built-in defaults on a
 * generated replay from a cold start (ten days, five countries, three surges after day 3), twice, each run on
 * its own embedded broker. Every surge must open an incident in its first or second window, no steady
 * country or time may open one, and the second run must give the same alert ids.
 */
class DemoReplayTest {
    static final long SEED = 20260810L;

    @TempDir
    Path dir;

    @Test
    void theDemoCatchesEverySurgeRaisesNoFalseIncidentAndRepeatsItsAlertIds() throws Exception {
        ArticleScenario.Scenario scenario = ArticleScenario.tenDays(SEED);
        Path input = scenario.write(dir.resolve("replay.jsonl"));

        long t0 = System.nanoTime();
        List<Alert> first = runDemo(input, dir.resolve("run1"));
        long t1 = System.nanoTime();
        List<Alert> second = runDemo(input, dir.resolve("run2"));
        long t2 = System.nanoTime();

        SurgeFigures figures = new SurgeFigures(scenario, first);
        System.out.print(figures.report("demo replay"));
        System.out.printf("  runtime            run 1 %.1f s, run 2 %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        assertEquals(List.of(), figures.incidentsWithoutOpening, "every incident opens with a firing update 0");
        assertEquals(List.of(), figures.missed(), "every surge opens an incident within two windows:\n" + figures.report("demo"));
        assertEquals(List.of(), figures.falseIncidents, "no incident without a surge:\n" + figures.report("demo"));
        assertEquals(figures.alertIds(), new SurgeFigures(scenario, second).alertIds(), "the same alert ids on a second run");
    }

    private static List<Alert> runDemo(Path input, Path out) throws Exception {
        int exit = Monitor.commandLine().execute("demo", "--input", input.toString(), "--out", out.toString());
        assertEquals(0, exit, "demo exit code");
        Path alerts = out.resolve("alerts.jsonl");
        assertTrue(Files.exists(alerts), alerts + " written");
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        return Files.readAllLines(alerts).stream()
                .map(l -> serde.deserialize(Topics.ALERTS, l.getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
