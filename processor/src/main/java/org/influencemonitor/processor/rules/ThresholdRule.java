package org.influencemonitor.processor.rules;

import java.util.Locale;
import java.util.Optional;

/** Articles about a country in one window at or above an absolute number (per country if configured). */
final class ThresholdRule implements Rule {
    private final RulesConfig.Threshold cfg;

    ThresholdRule(RulesConfig.Threshold cfg) {
        this.cfg = cfg;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.THRESHOLD;
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
        int configured = cfg.articlesFor(w.country());
        int scaled = (int) Math.ceil(configured * ctx.thresholdScale() - 1e-9);
        int n = ctx.lowered(scaled);
        int count = w.articles();
        boolean breach = count >= n;
        boolean elevated = count >= cfg.resolveFraction() * n;
        String lowered = n < scaled ? " (lowered from " + scaled + " before the " + ctx.electionText() + ")" : "";
        String raised = scaled > configured ? String.format(Locale.ROOT,
                " (%d raised %.1f× with the feeds' volume)", configured, ctx.thresholdScale()) : "";
        String summary = String.format(Locale.ROOT, "%d articles about %s in %s, %s the threshold of %d%s%s.",
                count, w.country(), w.label(), breach ? "reaching" : "below", n, raised, lowered);
        return Optional.of(new Verdict(breach, elevated, count, n, (double) count / n, null, summary, w.topActors()));
    }
}
