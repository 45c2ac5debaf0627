package org.influencemonitor.app.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The scenarios of the fault suite, each a fault at a known point of the replay. Points are chosen in
 * event time where it matters (the first surge's incident) and as a share of the replay otherwise.
 */
final class FaultScenarios {
    /** A named fault; {@code inShort}: part of the short form that CI runs. */
    record Scenario(String name, String description, boolean inShort, Function<Replay, FaultPlan> plan) {
    }

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    static final List<Scenario> ALL = List.of(
            new Scenario("rerun", "the same replay again without faults: the pipeline is deterministic", false,
                    r -> FaultPlan.NONE),
            new Scenario("sigkill-window", "processor SIGKILLed mid-replay, windows open, and restarted", true,
                    r -> atLine(r.indexAtFraction(0.35), run -> run.killAndRestartProcessor(0))),
            new Scenario("sigkill-incident", "processor SIGKILLed once the first surge's incident is open, and restarted",
                    false, r -> atLine(r.indexAt(r.firstSurge().plus(Duration.ofMinutes(70))), run -> {
                        awaitAlerts(run, 1); // the surge's first window has fired; it closes later

                        run.killAndRestartProcessor(0);
                    })),
            new Scenario("sigkill-after-commit", "processor SIGKILLed right after it committed everything it read, and restarted",
                    false, r -> atLine(r.indexAtFraction(0.65), run -> {
                        drained(run);
                        run.killAndRestartProcessor(0);
                    })),
            new Scenario("sigkill-thrice", "processor SIGKILLed at a quarter, half and three quarters of the replay",
                    false, r -> atLines(Set.of(r.indexAtFraction(0.25), r.indexAtFraction(0.5), r.indexAtFraction(0.75)),
                    run -> run.killAndRestartProcessor(0))),
            new Scenario("broker-restart-ingest", "broker stopped (SIGTERM) for " + OUTAGE.toSeconds()
                    + " s while ingest sends, then started again", true,
                    r -> atLine(r.indexAtFraction(0.4), run -> {
                        run.broker().stop();
                        Pause.millis(OUTAGE.toMillis());
                        run.broker().startAgain();
                    })),
            new Scenario("broker-kill-ingest", "broker SIGKILLed while ingest sends, then started again", false,
                    r -> atLine(r.indexAtFraction(0.6), run -> {
                        run.broker().kill();
                        Pause.millis(OUTAGE.toMillis());
                        run.broker().startAgain();
                    })),
            new Scenario("broker-restart-processing", "broker stopped for " + OUTAGE.toSeconds()
                    + " s while the processor works through a backlog, then started again", false,
                    r -> new BacklogOutage(r.size())),
            new Scenario("rebalance", "a second processor joins at 30 % of the replay and leaves (SIGTERM) at 70 %", false,
                    r -> atLines(Set.of(r.indexAtFraction(0.3), r.indexAtFraction(0.7)), new Rebalance())));

    private FaultScenarios() {
    }

    static Scenario named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name + "; known: "
                        + String.join(", ", ALL.stream().map(Scenario::name).toList())));
    }

    private static FaultPlan atLine(int line, java.util.function.Consumer<PipelineRun> fault) {
        return atLines(Set.of(line), fault);
    }

    private static FaultPlan atLines(Set<Integer> lines, java.util.function.Consumer<PipelineRun> fault) {
        return new FaultPlan() {
            @Override
            public void beforeLine(int index, PipelineRun run) {
                if (lines.contains(index)) {
                    fault.accept(run);
                }
            }
        };
    }

    private static void awaitAlerts(PipelineRun run, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (run.alertsSoFar() < count) {
            if (System.nanoTime() > deadline) {
                throw new ChaosFailure("no alert within 2 minutes of the first surge");
            }
            Pause.millis(200);
        }
    }

    private static void drained(PipelineRun run) {
        try {
            run.awaitDrained(t -> t.equals(org.influencemonitor.model.Topics.ARTICLES_RAW) || t.endsWith("-repartition"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChaosFailure("interrupted");
        }
    }

    /** The second instance's arrival and departure: the first call starts it, the second stops it. */
    private static final class Rebalance implements java.util.function.Consumer<PipelineRun> {
        private boolean joined;

        @Override
        public void accept(PipelineRun run) {
            if (!joined) {
                run.startProcessor(1);
                joined = true;
            } else {
                run.stopProcessor(1);
            }
        }
    }

    /**
     * The processor starts only after ingest has sent everything, so that it works through a backlog, and
     * the broker stops once it has committed a third of it.
     */
    private record BacklogOutage(int articles) implements FaultPlan {
        @Override
        public boolean processorFromStart() {
            return false;
        }

        @Override
        public void afterIngest(PipelineRun run) {
            run.startProcessor(0);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (run.committedArticles() < articles / 3) {
                if (System.nanoTime() > deadline) {
                    throw new ChaosFailure("the processor did not commit a third of the backlog within 3 minutes");
                }
                Pause.millis(50);
            }
            run.broker().stop();
            Pause.millis(OUTAGE.toMillis());
            run.broker().startAgain();
        }
    }
}
