package org.influencemonitor.processor.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine remembers about one country, stored as JSON between calls. Immutable; lists are
 * kept sorted (actors by id, incidents by rule) so that equal histories give equal states and equal JSON.
 *
 * @param firstObserved         the start of the first window ever seen for the country
 * @param lastClosedWindowStart the start of the latest closed window folded into the baselines
 * @param articles              baseline of articles per window
 * @param share                 baseline of the country's articles over all countries' articles
 * @param narrative             baseline of state-linked election-fraud-claim articles per window
 * @param actors                actors seen about the country within the new_actor look-back
 * @param incidents             open incidents, at most one per rule
 */
public record CountryState(String country, Instant firstObserved, Instant lastClosedWindowStart,
                           HourlyBaseline articles, HourlyBaseline share, HourlyBaseline narrative,
                           List<ActorSeen> actors, List<IncidentState> incidents) {

    public CountryState {
        Objects.requireNonNull(country, "country");
        articles = articles == null ? HourlyBaseline.empty() : articles;
        share = share == null ? HourlyBaseline.empty() : share;
        narrative = narrative == null ? HourlyBaseline.empty() : narrative;
        actors = actors == null ? List.of()
                : actors.stream().sorted(Comparator.comparing(ActorSeen::id)).toList();
        incidents = incidents == null ? List.of()
                : incidents.stream().sorted(Comparator.comparing(IncidentState::rule)).toList();
    }

    public static CountryState initial(String country) {
        return new CountryState(country, null, null, HourlyBaseline.empty(), HourlyBaseline.empty(),
                HourlyBaseline.empty(), List.of(), List.of());
    }

    public Optional<IncidentState> incident(RuleKind rule) {
        return incidents.stream().filter(i -> i.rule().equals(rule)).findFirst();
    }

    CountryState observe(Instant windowStart) {
        if (firstObserved != null && !windowStart.isBefore(firstObserved)) {
            return this;
        }
        return new CountryState(country, windowStart, lastClosedWindowStart, articles, share, narrative, actors,
                incidents);
    }

    CountryState withIncident(RuleKind rule, IncidentState incident) {
        List<IncidentState> next = new ArrayList<>(incidents.stream().filter(i -> !i.rule().equals(rule)).toList());
        if (incident != null) {
            next.add(incident);
        }
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, narrative, actors,
                next);
    }

    CountryState withArticles(HourlyBaseline baseline) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, baseline, share, narrative, actors,
                incidents);
    }

    CountryState withShare(HourlyBaseline baseline) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, baseline, narrative, actors,
                incidents);
    }

    CountryState withNarrative(HourlyBaseline baseline) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, baseline, actors,
                incidents);
    }

    CountryState withActors(List<ActorSeen> newActors) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, narrative, newActors,
                incidents);
    }

    CountryState withLastClosed(Instant windowStart) {
        return new CountryState(country, firstObserved, windowStart, articles, share, narrative, actors, incidents);
    }
}
