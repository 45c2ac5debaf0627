package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor demo} exactly as the README runs it, on its own embedded broker with the bundled samples:
 * it must finish by itself and leave the surge's alert in the output file.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoReplaysTheBundledSamplesAndWritesTheSurgeAlert() throws Exception {
        Path out = dir.resolve("demo-out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale.txt"), "from an earlier run");

        int exit = Monitor.commandLine().execute("demo", "--out", out.toString());

        assertEquals(0, exit);
        assertTrue(Files.notExists(out.resolve("stale.txt")), "the output directory is emptied at start");
        List<String> lines = Files.readAllLines(out.resolve("alerts.jsonl"));
        assertTrue(lines.size() >= 1, "at least one alert");
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        List<Alert> alerts = lines.stream().map(l -> serde.deserialize(Topics.ALERTS, l.getBytes(StandardCharsets.UTF_8))).toList();
        assertTrue(alerts.stream().anyMatch(a -> a.country().equals("MD")
                        && a.windowStart().toString().equals("2024-10-18T14:00:00Z")),
                "the bundled samples' Moldova surge is caught in its first hour: " + alerts);
        assertEquals(1, alerts.stream().filter(a -> a.rule().equals("spike") && a.status() == Alert.Status.RESOLVED).count(),
                "the spike incident resolves once the surge is over");
        assertEquals(alerts.size(), alerts.stream().map(a -> a.alertId() + "#" + a.update()).distinct().count(),
                "no event twice");
        assertTrue(alerts.stream().anyMatch(a -> a.country().equals("MD") && a.rule().equals("narrative")),
                "the state-linked fraud-claim surge raises the narrative rule: " + alerts);
        assertTrue(alerts.stream().noneMatch(a -> !a.country().equals("MD")), "no steady country alerts: " + alerts);
    }
}
