package org.influencemonitor.processor.rules;

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
        return Optional.of(test(s, w, count, ctx).map(t -> new Verdict(t.breach(), t.elevated(), count, t.firing(),
                        t.score(), t.expected(), summary(w, count, t, ctx), w.topActors()))
                .orElseGet(() -> Verdict.silent(count, "spike for " + w.country() + ": baseline warming up.")));
    }

    /** The expectation and the firing count for a window, for the dashboard's band. */
    Optional<RuleEngine.Band> band(CountryState s, WindowObservation w, WindowContext ctx) {
        if (!cfg.enabled()) {
            return Optional.empty();
        }
        return test(s, w, 0, ctx).map(t -> new RuleEngine.Band(t.expected(), t.firing()));
    }

    private Optional<SurgeTest> test(CountryState s, WindowObservation w, int count, WindowContext ctx) {
        return SurgeTest.of(cfg, s.articles(), count, ctx.level(), w, ctx);
    }

    @Override
    public CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        return s.withArticles(s.articles().add(w.windowStart(), SurgeTest.capped(w.articles(), verdict), ctx.level(),
                cfg.baseline(), ctx.windowSeconds()));
    }

    private static String summary(WindowObservation w, int count, SurgeTest t, WindowContext ctx) {
        return String.format(Locale.ROOT,
                "Spike in coverage of %s: %d articles in %s, %s the %.1f expected for this hour (p≈%.1e).%s",
                w.country(), count, w.label(), SurgeTest.ratio(count, t.expected()), t.expected(), t.tail(),
                ctx.preElectionNote());
    }
}
