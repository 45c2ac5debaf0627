package org.influencemonitor.processor.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * A country's share of all countries' articles against its baseline share, so that one country pulling
 * the coverage is seen while everyone rising (feeds added) is not. Needs the all-countries total.
 */
final class ShareRule implements Rule {
    private final RulesConfig.Surge cfg;

    ShareRule(RulesConfig.Surge cfg) {
        this.cfg = cfg;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.SHARE;
    }

    @Override
    public boolean early() {
        return false;
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
        int total = w.allCountriesArticles();
        int count = w.articles();
        if (total < 0 || total < cfg.minTotal() || total == 0) {
            String why = total < 0 ? "the all-countries total is unknown" : "the all-countries total is small";
            return Optional.of(Verdict.silent(count, "share of " + w.country() + ": silent, " + why + "."));
        }
        double exposure = exposure(w);
        return Optional.of(SurgeTest.of(cfg, s.share(), count, exposure, w, ctx)
                .map(t -> new Verdict(t.breach(), t.elevated(), count, t.firing(), t.score(), t.expected(),
                        summary(w, count, exposure, t, ctx), w.topActors()))
                .orElseGet(() -> Verdict.silent(count, "share for " + w.country() + ": baseline warming up.")));
    }

    /** Learns only from windows whose total is known: an unknown total says nothing about the share. */
    @Override
    public CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        if (w.allCountriesArticles() <= 0) {
            return s.withShare(s.share().skip());
        }
        return s.withShare(s.share().add(w.windowStart(), SurgeTest.capped(w.articles(), verdict), exposure(w),
                cfg.baseline(), ctx.windowSeconds()));
    }

    private static double exposure(WindowObservation w) {
        return Math.max(w.allCountriesArticles(), w.articles());
    }

    private static String summary(WindowObservation w, int count, double exposure, SurgeTest t, WindowContext ctx) {
        return String.format(Locale.ROOT,
                "%s's share of coverage jumped: %d of %d articles (%.1f%%) in %s, %s its usual %.1f%% (p≈%.1e).%s",
                w.country(), count, (int) exposure, 100.0 * count / exposure, w.label(),
                SurgeTest.ratio(count, t.expected()), 100.0 * t.expected() / exposure, t.tail(), ctx.preElectionNote());
    }
}
