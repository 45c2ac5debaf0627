package org.influencemonitor.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.model.Alert;
import org.junit.jupiter.api.Test;

/**
 * Drives the engine with the bundled defaults over {@link OperationsScenario} and measures it: surges caught
 * and their delay in windows, false incidents per 1,000 country-weeks (those in the week after a volume step
 * counted apart), incidents resolved during the feed outage. Prints the figures of docs/alerting.md:
 * {@code mvn -B -q -o -pl processor -am test -Dtest=OperationsEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doperations.seeds=20}; the normal test run uses 3 seeds.
 */
class OperationsEvaluationTest {
    static final int SEEDS = Integer.getInteger("operations.seeds", 3);
    /** The first seed: {@code -Doperations.firstSeed=21 -Doperations.seeds=20} is the hold-out of docs/alerting.md. */
    static final int FIRST_SEED = Integer.getInteger("operations.firstSeed", 1);

    static RuleKind ruleFor(OperationsScenario.Kind kind) {
        return kind.narrative() ? RuleKind.NARRATIVE : RuleKind.SPIKE;
    }

    record SurgeResult(OperationsScenario.Surge surge, Integer delay) {
        /** Count surges within two windows; narrative bursts before their end. */
        boolean caught() {
            int limit = surge.kind().narrative() ? surge.hours() - 1 : 1;
            return delay != null && delay <= limit;
        }
    }

    record Figures(long seed, List<SurgeResult> surges, List<AlertEvent> falseIncidents,
                   List<AlertEvent> stepIncidents, List<AlertEvent> resolvedInOutage, double countryWeeks,
                   Map<RuleKind, Integer> incidentsByRule, List<AlertEvent> coverage) {
        /** Windows from the outage's start to its coverage event, or null when none came during it. */
        Integer outageDelay() {
            return coverage.stream()
                    .filter(e -> e.status() == Alert.Status.FIRING && OperationsScenario.inOutage(e.windowStart())
                            && e.summary().contains(OperationsScenario.OUTAGE_FEED))
                    .map(e -> (int) Duration.between(OperationsScenario.OUTAGE, e.windowStart()).toHours())
                    .findFirst().orElse(null);
        }

        /** Coverage incidents other than the outage and the feed removed at the halving. */
        long falseCoverage() {
            return coverage.stream().filter(e -> e.status() == Alert.Status.FIRING)
                    .filter(e -> !(OperationsScenario.inOutage(e.windowStart()) && e.summary().contains(OperationsScenario.OUTAGE_FEED)))
                    .filter(e -> !(e.summary().contains(OperationsScenario.NEW_FEED)
                            && !e.windowStart().isBefore(OperationsScenario.HALVING)))
                    .count();
        }
    }

    static Figures run(long seed, RulesConfig config, boolean useCoverage) {
        OperationsScenario.Scenario sc = new OperationsScenario(seed).generate();
        RuleEngine engine = new RuleEngine(config, ElectionCalendar.empty());
        Map<String, CountryState> states = new TreeMap<>();
        List<AlertEvent> events = new ArrayList<>();
        SourceCoverage watch = SourceCoverage.defaults();
        SourceCoverage.State feeds = SourceCoverage.State.initial();
        List<AlertEvent> coverage = new ArrayList<>();
        Map<Instant, Map<String, Integer>> perFeed = new LinkedHashMap<>();
        sc.feeds().forEach(f -> perFeed.put(f.windowStart(), f.articles()));
        Instant feedsClosed = null;
        for (WindowObservation w : sc.windows()) {
            if (useCoverage && !w.windowStart().equals(feedsClosed)) {
                SourceCoverage.Result c = watch.onWindowClosed(feeds, w.windowStart(), w.windowEnd(),
                        perFeed.get(w.windowStart()));
                feeds = c.state();
                coverage.addAll(c.events());
                feedsClosed = w.windowStart();
            }
            boolean outage = useCoverage && feeds.gap(w.windowStart());
            CountryState s = states.computeIfAbsent(w.country(), CountryState::initial);
            WindowObservation half = new WindowObservation(w.country(), w.windowStart(), w.windowEnd(), false,
                    w.articles() / 2, w.mentions() / 2, w.fraudClaimArticles() / 2,
                    w.stateLinkedFraudArticles() / 2, w.actors(), -1, w.evidence());
            RuleEngine.Result r = engine.onWindowUpdate(s, half);
            events.addAll(r.alerts());
            r = engine.onWindowClosed(r.state(), w, outage);
            states.put(w.country(), r.state());
            events.addAll(r.alerts());
        }
        List<SurgeResult> surges = new ArrayList<>();
        for (OperationsScenario.Surge surge : sc.surges()) {
            Integer delay = null;
            for (AlertEvent e : events) {
                if (e.country().equals(surge.country()) && e.status().equals(Alert.Status.FIRING)
                        && e.rule().equals(ruleFor(surge.kind())) && surge.covers(e.windowStart())) {
                    int d = (int) Duration.between(surge.start(), e.windowStart()).toHours();
                    delay = delay == null ? d : Math.min(delay, d);
                }
            }
            surges.add(new SurgeResult(surge, delay));
        }
        Map<String, AlertEvent> incidents = new LinkedHashMap<>();
        events.forEach(e -> incidents.putIfAbsent(e.alertId(), e));
        Map<RuleKind, Integer> byRule = new TreeMap<>();
        List<AlertEvent> falseIncidents = new ArrayList<>();
        List<AlertEvent> stepIncidents = new ArrayList<>();
        for (AlertEvent first : incidents.values()) {
            byRule.merge(first.rule(), 1, Integer::sum);
            boolean explained = sc.surges().stream().anyMatch(s -> s.country().equals(first.country())
                    && !first.incidentStart().isBefore(s.start())
                    && first.incidentStart().isBefore(s.start().plus(Duration.ofHours(s.hours() + 1L))));
            if (explained) {
                continue;
            }
            if (afterStep(first.incidentStart())) {
                stepIncidents.add(first);
            } else {
                falseIncidents.add(first);
            }
        }
        List<AlertEvent> resolvedInOutage = events.stream()
                .filter(e -> e.status().equals(Alert.Status.RESOLVED) && OperationsScenario.inOutage(e.windowStart()))
                .toList();
        return new Figures(seed, surges, falseIncidents, stepIncidents, resolvedInOutage, sc.countryWeeks(), byRule,
                coverage);
    }

    /** In the week after a volume step (or during and the day after the outage). */
    static boolean afterStep(Instant t) {
        for (Instant step : List.of(OperationsScenario.DOUBLING, OperationsScenario.HALVING)) {
            if (!t.isBefore(step) && t.isBefore(step.plus(Duration.ofDays(7)))) {
                return true;
            }
        }
        return !t.isBefore(OperationsScenario.OUTAGE)
                && t.isBefore(OperationsScenario.OUTAGE.plus(Duration.ofHours(OperationsScenario.OUTAGE_HOURS + 24)));
    }

    static String describe(Figures f) {
        StringBuilder b = new StringBuilder();
        for (SurgeResult r : f.surges()) {
            if (!r.caught()) {
                b.append(String.format(Locale.ROOT, "  seed %d missed %s %s %s (delay %s)%n", f.seed(),
                        r.surge().kind(), r.surge().country(), r.surge().start(), r.delay()));
            }
        }
        for (AlertEvent e : f.stepIncidents()) {
            b.append(String.format(Locale.ROOT, "  seed %d step incident: %s %s at %s: %s%n", f.seed(), e.rule(),
                    e.country(), e.windowStart(), e.summary()));
        }
        for (AlertEvent e : f.falseIncidents()) {
            b.append(String.format(Locale.ROOT, "  seed %d false incident: %s %s at %s: %s%n", f.seed(), e.rule(),
                    e.country(), e.windowStart(), e.summary()));
        }
        return b.toString();
    }

    /** The totals over the seeds, one line per surge kind, then the false and step incidents. */
    static String report(List<Figures> runs) {
        StringBuilder b = new StringBuilder();
        Map<OperationsScenario.Kind, int[]> byKind = new TreeMap<>();   // surges, caught, delay0, delay1, delay2+, missed
        for (Figures f : runs) {
            for (SurgeResult r : f.surges()) {
                int[] k = byKind.computeIfAbsent(r.surge().kind(), x -> new int[6]);
                k[0]++;
                k[1] += r.caught() ? 1 : 0;
                if (r.delay() == null) {
                    k[5]++;
                } else {
                    k[Math.min(4, 2 + r.delay())]++;
                }
            }
        }
        b.append(String.format(Locale.ROOT, "operations scenario, %d seeds:%n", runs.size()));
        byKind.forEach((kind, k) -> b.append(String.format(Locale.ROOT,
                "  %-14s caught %3d/%-3d (delay 0: %d, 1: %d, 2+: %d, never: %d)%n", kind, k[1], k[0], k[2], k[3], k[4],
                k[5])));
        double weeks = runs.stream().mapToDouble(Figures::countryWeeks).sum();
        int falseIncidents = runs.stream().mapToInt(f -> f.falseIncidents().size()).sum();
        int step = runs.stream().mapToInt(f -> f.stepIncidents().size()).sum();
        int resolved = runs.stream().mapToInt(f -> f.resolvedInOutage().size()).sum();
        Map<RuleKind, Integer> byRule = new TreeMap<>();
        runs.forEach(f -> f.incidentsByRule().forEach((rule, n) -> byRule.merge(rule, n, Integer::sum)));
        b.append(String.format(Locale.ROOT, "  false incidents %d over %.0f country-weeks (%.2f per 1,000)%n",
                falseIncidents, weeks, 1000 * falseIncidents / weeks));
        b.append(String.format(Locale.ROOT, "  incidents from the volume steps and the outage (week after a step): %d%n", step));
        b.append(String.format(Locale.ROOT, "  resolved events during the outage: %d%n", resolved));
        b.append(String.format(Locale.ROOT, "  incidents by rule: %s%n", byRule));
        long detected = runs.stream().filter(f -> f.outageDelay() != null).count();
        String delays = runs.stream().map(f -> String.valueOf(f.outageDelay())).distinct().sorted().toList().toString();
        long falseCoverage = runs.stream().mapToLong(Figures::falseCoverage).sum();
        b.append(String.format(Locale.ROOT, "  outage of %s seen by a coverage event: %d/%d (delay in windows: %s); "
                + "other coverage events: %d%n", OperationsScenario.OUTAGE_FEED, detected, runs.size(), delays, falseCoverage));
        return b.toString();
    }

    @Test
    void figuresOverSeeds() {
        List<Figures> runs = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            Figures f = run(seed, RulesConfig.defaults(), true);
            runs.add(f);
            details.append(describe(f));
        }
        System.out.print(details);
        System.out.print(report(runs));
        double weeks = runs.stream().mapToDouble(Figures::countryWeeks).sum();
        for (Figures f : runs) {
            for (SurgeResult r : f.surges()) {
                assertTrue(r.caught(), "seed " + f.seed() + ": " + r);
            }
            assertNotNull(f.outageDelay(), "seed " + f.seed() + ": the outage raised no coverage event");
            assertTrue(f.outageDelay() <= 1, "seed " + f.seed() + ": outage seen late: " + f.outageDelay());
            assertEquals(0, f.falseCoverage(), "seed " + f.seed() + ": " + f.coverage());
            assertEquals(List.of(), f.resolvedInOutage(), "seed " + f.seed() + ": resolved by the outage's silence");
        }
        // The bar of issue 12: no incident from a volume step, at most 1 false incident per 1,000 country-weeks
        // (measured over seeds 1-20: 0 and 0.42, docs/alerting.md; before the feeds' level, 617 and 52.7).
        int step = runs.stream().mapToInt(f -> f.stepIncidents().size()).sum();
        int falseIncidents = runs.stream().mapToInt(f -> f.falseIncidents().size()).sum();
        assertEquals(0, step, "incidents from the volume steps: " + details);
        assertTrue(falseIncidents <= weeks / 1000, "false incidents: " + falseIncidents + " over " + weeks
                + " country-weeks: " + details);
    }
}
