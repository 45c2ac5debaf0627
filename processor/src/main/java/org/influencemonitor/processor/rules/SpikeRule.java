package org.influencemonitor.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A country's articles in a window against its own baseline for that hour, scaled by the feeds' level: the
 * baseline counts articles per unit of level, so a feed added or lost moves the expectation with it.
 */
final class SpikeRule implements Rule {
    private final RulesConfig.Surge cfg;

    SpikeRule(RulesConfig.Surge cfg) {
        this.cfg = cfg;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.SPIKE;
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
        int count = w.articles();
        Optional<SurgeTest> single = test(s, w, count, ctx);
        if (single.isEmpty()) {
            return Optional.of(Verdict.silent(count, "spike for " + w.country() + ": baseline warming up."));
        }
        SurgeTest t = single.get();
        Verdict alone = new Verdict(t.breach(), t.elevated(), count, t.firing(), t.score(), t.expected(),
                summary(w, count, t, ctx), w.topActors());
        if (t.breach() || s.incident(RuleKind.SPIKE).isPresent()
                || count < SurgeTest.ratioFloor(cfg, t.expected(), ctx)) {
            return Optional.of(alone);
        }
        return Optional.of(horizon(s, w, count, t, ctx).orElse(alone));
    }

    /**
     * The horizon: a window that is itself at least {@code min_ratio} times its expectation but not
     * surprising enough alone, judged together with the windows just before it (their sum against the sum
     * of their expectations, at {@code horizon_p_value}). It only opens incidents (an open one is
     * updated by windows that fire alone), so a moderate surge lasting two windows is seen in its second.
     */
    private Optional<Verdict> horizon(CountryState s, WindowObservation w, int count, SurgeTest t, WindowContext ctx) {
        List<Integer> before = before(s, w, ctx);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        int earlier = before.stream().mapToInt(Integer::intValue).sum();
        int windows = before.size() + 1;
        double[] post = SurgeTest.pooled(s.articles(), cfg.baseline(), w.windowStart(), windows, ctx.windowSeconds());
        SurgeTest sum = SurgeTest.atLevel(cfg, cfg.horizonPValue(), post[0], post[1], earlier + count,
                windows, ctx);
        if (!sum.breach()) {
            return Optional.empty();
        }
        // The count this window needed, given the earlier ones (never below its own ratio floor).
        int firing = Math.max(SurgeTest.ratioFloor(cfg, t.expected(), ctx), sum.firing() - earlier);
        String summary = String.format(Locale.ROOT,
                "Spike in coverage of %s: %d articles in the %d windows to %s, %s the %.1f expected (p≈%.1e), %d in the last (%s its %.1f).%s",
                w.country(), earlier + count, windows, w.label(), SurgeTest.ratio(earlier + count, sum.expected()),
                sum.expected(), sum.tail(), count, SurgeTest.ratio(count, t.expected()), t.expected(),
                ctx.preElectionNote());
        return Optional.of(new Verdict(true, true, count, firing, Math.max(t.score(), sum.score()), t.expected(),
                summary, w.topActors()));
    }

    /** The article counts of the windows just before {@code w}, oldest first, when the state's record of them is contiguous with it. */
    private List<Integer> before(CountryState s, WindowObservation w, WindowContext ctx) {
        if (cfg.horizonWindows() <= 1 || !contiguous(s, w, ctx)) {
            return List.of();
        }
        List<Integer> recent = s.recentArticles();
        return recent.subList(Math.max(0, recent.size() - (cfg.horizonWindows() - 1)), recent.size());
    }

    private static boolean contiguous(CountryState s, WindowObservation w, WindowContext ctx) {
        return s.lastClosedWindowStart() != null
                && s.lastClosedWindowStart().plusSeconds(ctx.windowSeconds()).equals(w.windowStart());
    }

    /** The expectation and the firing count for a window, for the dashboard's band. */
    Optional<RuleEngine.Band> band(CountryState s, WindowObservation w, WindowContext ctx) {
        if (!cfg.enabled()) {
            return Optional.empty();
        }
        return test(s, w, 0, ctx).map(t -> new RuleEngine.Band(t.expected(), t.firing()));
    }

    private Optional<SurgeTest> test(CountryState s, WindowObservation w, int count, WindowContext ctx) {
        return SurgeTest.atLevel(cfg, s.articles(), count, w, ctx);
    }

    @Override
    public CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        List<Integer> recent = new ArrayList<>();
        if (cfg.horizonWindows() > 1) {
            if (contiguous(s, w, ctx)) {
                recent.addAll(s.recentArticles());
            }
            recent.add(w.articles());
            recent = recent.subList(Math.max(0, recent.size() - (cfg.horizonWindows() - 1)), recent.size());
        }
        return s.withArticles(s.articles().add(w.windowStart(), SurgeTest.capped(w.articles(), verdict), ctx.level(),
                cfg.baseline(), ctx.windowSeconds()), recent);
    }

    private static String summary(WindowObservation w, int count, SurgeTest t, WindowContext ctx) {
        return String.format(Locale.ROOT,
                "Spike in coverage of %s: %d articles in %s, %s the %.1f expected for this hour (p≈%.1e).%s",
                w.country(), count, w.label(), SurgeTest.ratio(count, t.expected()), t.expected(), t.tail(),
                ctx.preElectionNote());
    }
}
