package org.influencemonitor.processor.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.influencemonitor.model.MentionWindow;

/**
 * An (actor, country) pair not seen within the look-back, named in enough articles of one closed window.
 * Silent until the country has been watched for one full look-back, so a fresh deployment does not call
 * every actor new.
 */
final class NewActorRule implements Rule {
    private final RulesConfig.NewActor cfg;

    NewActorRule(RulesConfig.NewActor cfg) {
        this.cfg = cfg;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.NEW_ACTOR;
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
        Duration lookBack = Duration.ofDays(cfg.lookBackDays());
        boolean armed = s.firstObserved() != null && !w.windowStart().isBefore(s.firstObserved().plus(lookBack));
        Map<String, ActorSeen> seen = seenSince(s, w.windowStart().minus(lookBack));
        List<MentionWindow.ActorCount> fresh = w.actors().stream()
                .filter(a -> a.articles() >= cfg.minArticles() && !seen.containsKey(a.id()))
                .sorted(WindowObservation.MOST_ARTICLES)
                .toList();
        int count = fresh.stream().mapToInt(MentionWindow.ActorCount::articles).sum();
        boolean breach = armed && !fresh.isEmpty();
        String names = String.join(", ", fresh.stream().limit(WindowObservation.MAX_LISTED)
                .map(a -> String.format(Locale.ROOT, "%s (%s, %s %s, %d articles)", a.name(), a.id(),
                        a.country(), a.kind().wireName(), a.articles())).toList());
        String summary = fresh.isEmpty()
                ? "No new state-linked actor about " + w.country() + " in " + w.label() + "."
                : String.format(Locale.ROOT, "New state-linked actor%s about %s in %s: %s; not seen with %s in the last %d days.",
                        fresh.size() > 1 ? "s" : "", w.country(), w.label(), names, w.country(), cfg.lookBackDays());
        return Optional.of(new Verdict(breach, breach, count, cfg.minArticles(), count, null, summary,
                fresh.stream().limit(WindowObservation.MAX_LISTED).toList()));
    }

    /** Remembers the window's actors and forgets those not seen for a look-back (memory stays bounded). */
    @Override
    public CountryState learn(CountryState s, WindowObservation w, Optional<Verdict> verdict, WindowContext ctx) {
        Map<String, ActorSeen> seen = seenSince(s, w.windowStart().minus(Duration.ofDays(cfg.lookBackDays())));
        for (MentionWindow.ActorCount a : w.actors()) {
            if (a.articles() > 0) {
                ActorSeen before = seen.get(a.id());
                seen.put(a.id(), new ActorSeen(a.id(), before == null ? w.windowStart() : before.firstSeen(),
                        w.windowStart()));
            }
        }
        return s.withActors(new ArrayList<>(seen.values()));
    }

    private static Map<String, ActorSeen> seenSince(CountryState s, Instant horizon) {
        Map<String, ActorSeen> seen = new LinkedHashMap<>();
        for (ActorSeen a : s.actors()) {
            if (!a.lastSeen().isBefore(horizon)) {
                seen.put(a.id(), a);
            }
        }
        return seen;
    }
}
