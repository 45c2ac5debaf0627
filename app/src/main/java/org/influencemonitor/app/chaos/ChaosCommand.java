package org.influencemonitor.app.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.influencemonitor.app.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code monitor chaos}: the fault suite, with the real broker, processor and ingest as child processes. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {
                "Replay a known input through the real pipeline without faults, then once",
                "per fault scenario (SIGKILLed processors, broker restarts, a rebalance),",
                "each on a fresh broker, and compare every output topic with the fault-free",
                "run: alert events by (alert_id, update) and content, enriched articles by",
                "id, final window counts. Then the hostile corpus through every entry point.",
                "Prints Markdown tables; exits 1 if anything was lost, duplicated, changed",
                "or unaccounted for. docs/faults.md explains the tables."},
        footerHeading = "%nScenarios:%n",
        footer = {
                "  rerun, sigkill-window, sigkill-incident, sigkill-after-commit,",
                "  sigkill-thrice, broker-restart-ingest, broker-kill-ingest,",
                "  broker-restart-processing, rebalance, hostile",
                "",
                "Examples:",
                "  ./monitor chaos            every scenario (about 15 minutes on 2 cores)",
                "  ./monitor chaos --short    the short form CI runs",
                "  ./monitor chaos --scenarios sigkill-incident,rebalance --seed 7"})
public class ChaosCommand implements Callable<Integer> {
    static final String HOSTILE = "hostile";

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Only these scenarios (default: all, or the short form's with --short).")
    List<String> scenarios;

    @Option(names = "--short", description = "The short form: one SIGKILL, one broker restart, the hostile corpus through two entry points.")
    boolean shortForm;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "11", description = "Seed of the generated replay (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pace", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "20s",
            description = "How long ingest takes to send the replay, so that faults land mid-stream (default: ${DEFAULT-VALUE}).")
    Duration pace;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the runs keep their brokers' data and logs (default: a new temporary directory, kept for inspection).")
    Path workDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<FaultScenarios.Scenario> chosen = new ArrayList<>();
        boolean hostile = false;
        List<String> names = scenarios != null ? scenarios : allNames();
        for (String name : names) {
            if (name.equals(HOSTILE)) {
                hostile = true;
            } else {
                try {
                    chosen.add(FaultScenarios.named(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage() + ", " + HOSTILE);
                }
            }
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("monitor-chaos-");
        out.println("Fault suite in " + dir + " (logs of every child process there)");
        out.flush();
        boolean clean = true;
        if (!chosen.isEmpty()) {
            List<FaultRow> rows = new FaultSuite(dir, Replay.of(seed), pace, out).run(chosen);
            out.println();
            FaultTable.print(out, rows);
            clean = rows.stream().allMatch(FaultRow::clean);
        }
        if (hostile) {
            out.println("hostile: the hostile corpus through " + String.join(", ", hostileEntryPoints()) + " ...");
            out.flush();
            List<HostileRow> rows = HostileRun.run(dir.resolve("hostile"), hostileEntryPoints());
            out.println();
            HostileTable.print(out, rows);
            clean &= rows.stream().allMatch(HostileRow::addsUp);
        }
        return clean ? 0 : 1;
    }

    private List<String> hostileEntryPoints() {
        return shortForm ? List.of("stdin", "raw") : HostileRun.ENTRY_POINTS;
    }

    private List<String> allNames() {
        List<String> names = new ArrayList<>();
        FaultScenarios.ALL.stream().filter(s -> !shortForm || s.inShort()).forEach(s -> names.add(s.name()));
        names.add(HOSTILE);
        return names;
    }
}
