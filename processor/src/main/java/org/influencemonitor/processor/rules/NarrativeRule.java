package org.influencemonitor.processor.rules;

import java.util.Locale;
import java.util.Optional;

/** State-linked election-fraud-claim articles about a country against its own baseline of them. */
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
        return Optional.of(SurgeTest.of(cfg, s.narrative(), count, 1, w, ctx)
                .map(t -> new Verdict(t.breach(), t.elevated(), count, t.firing(), t.score(), t.expected(),
                        summary(w, count, t, ctx), w.topActors()))
                .orElseGet(() -> Verdict.silent(count, "narrative for " + w.country() + ": baseline warming up.")));
    }

    @Override
    public CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        return s.withNarrative(s.narrative().add(w.windowStart(),
                SurgeTest.capped(w.stateLinkedFraudArticles(), verdict), 1, cfg.baseline(), ctx.windowSeconds()));
    }

    private static String summary(WindowObservation w, int count, SurgeTest t, WindowContext ctx) {
        return String.format(Locale.ROOT,
                "Election-fraud narrative from state-linked sources surging about %s: %d articles in %s, %s the %.1f expected (p≈%.1e).%s",
                w.country(), count, w.label(), SurgeTest.ratio(count, t.expected()), t.expected(), t.tail(),
                ctx.preElectionNote());
    }
}
