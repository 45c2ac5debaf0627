package org.influencemonitor.app.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the replay once without faults, then once per scenario, each on a fresh broker, and sets every
 * scenario's output topics against the fault-free run's. The reference is the pipeline's own output, not
 * a stored file: a scenario passes when a fault changed nothing a consumer can see.
 */
final class FaultSuite {
    private final Path workDir;
    private final Replay replay;
    private final Duration pace;
    private final PrintWriter log;

    FaultSuite(Path workDir, Replay replay, Duration pace, PrintWriter log) {
        this.workDir = workDir;
        this.replay = replay;
        this.pace = pace;
        this.log = log;
    }

    /** The fault-free run first (a row of its own, which must raise alerts), then each scenario. */
    List<FaultRow> run(List<FaultScenarios.Scenario> scenarios) throws IOException, InterruptedException {
        List<FaultRow> rows = new ArrayList<>();
        log.println("reference: the replay of " + replay.size() + " articles without faults ...");
        log.flush();
        Result reference = runOnce("reference", FaultPlan.NONE);
        if (reference.output().alerts().isEmpty()) {
            throw new ChaosFailure("the fault-free run raised no alert: nothing to compare");
        }
        rows.add(FaultRow.of("no fault", "the fault-free reference, against itself", replay.size(), reference.summary(),
                reference.output(), reference.output(), reference.dead()));
        for (FaultScenarios.Scenario s : scenarios) {
            log.println(s.name() + ": " + s.description() + " ...");
            log.flush();
            try {
                Result r = runOnce(s.name(), s.plan().apply(replay));
                rows.add(FaultRow.of(s.name(), s.description(), replay.size(), r.summary(), reference.output(), r.output(),
                        r.dead()));
            } catch (ChaosFailure e) {
                rows.add(FaultRow.failed(s.name(), s.description(), replay.size(), e.getMessage()));
            }
        }
        return rows;
    }

    private record Result(String summary, RunOutput output, List<String> dead) {
    }

    private Result runOnce(String name, FaultPlan plan) throws IOException, InterruptedException {
        try (PipelineRun run = PipelineRun.start(workDir.resolve(name), replay, pace)) {
            if (plan.processorFromStart()) {
                run.startProcessor(0);
            }
            String summary = run.ingest(plan);
            plan.afterIngest(run);
            run.closeWindows();
            List<String> dead = run.deadProcessors();
            return new Result(summary, run.output(), dead);
        }
    }
}
