package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * State-linked election-fraud-claim articles about a country against its own baseline of them, scaled by
 * the feeds' level. Two tests: the window alone (a sharp surge), and the sums of the last 2, 3, …,
 * {@code horizon_windows} windows against the sums of their expectations, each at the rule's p-value shared
 * between them (a slow burn: two or three such articles an hour about a country that has had none for weeks
 * add up within a few hours, while one stray article never does; the shorter sums keep quiet windows before
 * the burst from diluting it).
 */
final class NarrativeRule implements Rule {
    private final RulesConfig.Surge cfg;

    NarrativeRule(RulesConfig.Surge cfg) {
        this.cfg = cfg;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.NARRATIVE;
    }

    @Override
    public boolean early() {
        return true;
    }

    @Override
    public RulesConfig.SeverityBands severity() {
        return cfg.severity();
    }

    @Override
    public Optional<Verdict> judge(CountryState s, WindowObservation w, WindowContext ctx) {
        if (!cfg.enabled()) {
            return Optional.empty();
        }
        int count = w.stateLinkedFraudArticles();
        Optional<SurgeTest> single = SurgeTest.atLevel(cfg, s.narrative(), count, w, ctx);
        if (single.isEmpty()) {
            return Optional.of(Verdict.silent(count, "narrative for " + w.country() + ": baseline warming up."));
        }
        SurgeTest t = single.get();
        List<Integer> before = before(s, w, ctx);
        if (t.breach() || before.isEmpty()) {
            return Optional.of(verdict(w, count, t, t.firing(), summary(w, count, t, ctx)));
        }
        int windows = before.size() + 1;
        SurgeTest full = sum(s, w, before, windows, count, ctx);
        // The shorter sums ending here too: a burst younger than the horizon is diluted by the quiet windows
        // before it. The most surprising breaching sum is reported.
        int best = full.breach() ? windows : 0;
        SurgeTest bestSum = full.breach() ? full : null;
        for (int k = 2; k < windows; k++) {
            SurgeTest shorter = sum(s, w, before, k, count, ctx);
            if (shorter.breach() && (bestSum == null || shorter.score() > bestSum.score())) {
                best = k;
                bestSum = shorter;
            }
        }
        if (bestSum == null && !full.elevated()) {
            return Optional.of(verdict(w, count, t, t.firing(), summary(w, count, t, ctx)));
        }
        int shown = bestSum == null ? windows : best;
        SurgeTest sum = bestSum == null ? full : bestSum;
        int earlier = earlier(before, shown);
        // The count this window needed, given the earlier ones: what an analyst compares the window with.
        int firing = Math.max(1, sum.firing() - earlier);
        String summary = String.format(Locale.ROOT,
                "Election-fraud narrative from state-linked sources building up about %s: %d articles in the %d windows to %s, %s the %.1f expected (p≈%.1e), %d in the last.%s",
                w.country(), earlier + count, shown, w.label(), SurgeTest.ratio(earlier + count, sum.expected()),
                sum.expected(), sum.tail(), count, ctx.preElectionNote());
        // A window without such articles only holds a building incident open; it does not update it.
        boolean breach = sum.breach() && count > 0;
        return Optional.of(new Verdict(breach, full.elevated() || t.elevated() || sum.breach(), count, firing,
                Math.max(t.score(), sum.score()), t.expected(), summary, w.topActors()));
    }

    /** The last {@code windows} windows (this one and the latest {@code windows - 1} before it) against their expectations. */
    private SurgeTest sum(CountryState s, WindowObservation w, List<Integer> before, int windows, int count,
                          WindowContext ctx) {
        double[] post = SurgeTest.pooled(s.narrative(), cfg.baseline(), w.windowStart(), windows, ctx.windowSeconds());
        return SurgeTest.atLevel(cfg, cfg.horizonPValue(), post[0], post[1], earlier(before, windows) + count,
                windows, ctx);
    }

    private static int earlier(List<Integer> before, int windows) {
        return before.subList(before.size() - (windows - 1), before.size()).stream().mapToInt(Integer::intValue).sum();
    }

    /** The counts of the windows just before {@code w}, oldest first, when the state's record of them is contiguous with it. */
    private List<Integer> before(CountryState s, WindowObservation w, WindowContext ctx) {
        if (cfg.horizonWindows() <= 1 || s.lastClosedWindowStart() == null
                || !s.lastClosedWindowStart().plusSeconds(ctx.windowSeconds()).equals(w.windowStart())) {
            return List.of();
        }
        List<Integer> recent = s.recentNarrative();
        return recent.subList(Math.max(0, recent.size() - (cfg.horizonWindows() - 1)), recent.size());
    }

    private static Verdict verdict(WindowObservation w, int count, SurgeTest t, int firing, String summary) {
        return new Verdict(t.breach(), t.elevated(), count, firing, t.score(), t.expected(), summary, w.topActors());
    }

    /**
     * With a horizon, a window is learned only when it leaves the horizon: the windows the sum is judged on
     * are never part of the baseline they are judged against, so a slow burn does not raise its own bar
     * (hours pool their neighbours, so learning at once would lift the next hour's expectation six-fold).
     */
    @Override
    public CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        int count = w.stateLinkedFraudArticles();
        if (cfg.horizonWindows() <= 1) {
            return s.withNarrative(s.narrative().add(w.windowStart(), SurgeTest.capped(count, verdict), ctx.level(),
                    cfg.baseline(), ctx.windowSeconds()), List.of());
        }
        boolean contiguous = s.lastClosedWindowStart() != null
                && s.lastClosedWindowStart().plusSeconds(ctx.windowSeconds()).equals(w.windowStart());
        List<Integer> recent = new ArrayList<>(contiguous ? s.recentNarrative() : List.of());
        recent.add(count);
        HourlyBaseline baseline = s.narrative();
        while (recent.size() > cfg.horizonWindows() - 1) {
            Instant start = w.windowStart().minusSeconds(ctx.windowSeconds() * (recent.size() - 1L));
            int leaving = recent.remove(0);
            double learned = leaving;
            if (baseline.warm(cfg.baseline(), ctx.windowSeconds())) {
                double[] post = baseline.posterior(start, cfg.baseline());
                learned = Math.min(leaving, SurgeTest.of(cfg, post[0], post[1], leaving, ctx.level(), ctx).firing());
            }
            baseline = baseline.add(start, learned, ctx.level(), cfg.baseline(), ctx.windowSeconds());
        }
        return s.withNarrative(baseline, recent);
    }

    private static String summary(WindowObservation w, int count, SurgeTest t, WindowContext ctx) {
        return String.format(Locale.ROOT,
                "Election-fraud narrative from state-linked sources surging about %s: %d articles in %s, %s the %.1f expected (p≈%.1e).%s",
                w.country(), count, w.label(), SurgeTest.ratio(count, t.expected()), t.expected(), t.tail(),
                ctx.preElectionNote());
    }
}
