package org.influencemonitor.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.influencemonitor.app.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code monitor bench --quick} end to end on its own embedded broker, with child JVMs for the pass-through
 * and the processor: every kind of row is there with positive figures, and --no-append writes nothing.
 * Sizes are cut further than --quick's own so that the test stays short on a busy 2-core machine.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void theQuickBenchMeasuresEveryKindOfRow() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Monitor.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path log = dir.resolve("BENCHMARKS.md");

        int exit = cli.execute("bench", "--quick", "--no-append", "--out", log.toString(),
                "--articles", "400", "--latency-rate", "200", "--latency-seconds", "2", "--threshold", "5");

        assertEquals(0, exit, "stderr: " + err + "\nstdout: " + out);
        assertTrue(Files.notExists(log), "--no-append writes nothing");
        List<String> table = out.toString().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| configuration")).toList();
        assertRow(table, "producer → articles.raw", 3);
        assertRow(table, "pass-through EOS, 1 thread × 1 instance", 3);
        assertRow(table, "monitor EOS, 1 thread × 1 instance", 3);
        assertRow(table, "latency: send → enriched", 9);
        assertRow(table, "latency: surge → alert", 9);
        assertTrue(out.toString().contains("Targets:"), out.toString());
    }

    /** The row starting with {@code configuration} has a positive number in column {@code column} (0 = configuration). */
    private static void assertRow(List<String> table, String configuration, int column) {
        String row = table.stream().filter(l -> l.startsWith("| " + configuration)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + configuration + " in\n" + String.join("\n", table)));
        String cell = row.split("\\|")[column + 1].strip().replace(",", "");
        assertTrue(!cell.isEmpty() && Double.parseDouble(cell) > 0, configuration + ": column " + column + " in " + row);
        assertTrue(row.toLowerCase(Locale.ROOT).contains("|"), row);
    }
}
