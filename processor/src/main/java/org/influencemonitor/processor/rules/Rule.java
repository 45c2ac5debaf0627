package org.influencemonitor.processor.rules;

import java.util.Optional;

/**
 * One alerting rule over one country's windows: how it judges a window against what the state remembers,
 * and what it learns from a closed window. Plain values in and out; the incident lifecycle around the
 * verdicts is the {@link IncidentTracker}'s, so a rule only says whether a window breaches it.
 */
interface Rule {
    RuleKind kind();

    /** Whether the rule also judges open windows (partial counts), to page within seconds. */
    boolean early();

    /** The rule's verdict on {@code w} against {@code s} as it stands; empty when the rule is off. */
    Optional<Verdict> judge(CountryState s, WindowObservation w, WindowContext ctx);

    /** The severity of a verdict's score, before any pre-election raise. */
    RulesConfig.SeverityBands severity();

    /** What the rule learns from a closed window, given its verdict on it (empty when off): by default nothing. */
    default CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        return s;
    }
}
