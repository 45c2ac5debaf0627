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
 * Fields added after the first release ({@code volume}, {@code level}, {@code referenceVolume},
 * {@code recentNarrative}, {@code recentArticles}, {@code recentVolume}) may be missing from a stored state: they start empty, so
 * an upgraded processor reads its old states and warms the new parts up while the old ones keep working.
 *
 * @param firstObserved         the start of the first window ever seen for the country
 * @param lastClosedWindowStart the start of the latest closed window folded into the baselines
 * @param articles              baseline of articles per window, per unit of the all-countries level
 * @param share                 baseline of the country's articles over all countries' articles
 * @param narrative             baseline of state-linked election-fraud-claim articles per window, per unit of level
 * @param actors                actors seen about the country within the new_actor look-back
 * @param incidents             open incidents, at most one per rule
 * @param volume                baseline of all other countries' articles per window (the feeds' level)
 * @param level                 the latest closed window's level: other countries' articles over their
 *                              expectation (null until known; 1 means as usual)
 * @param referenceVolume       the other countries' mean articles per window when {@code volume} first
 *                              warmed up: what the threshold's articles are counted against
 * @param recentNarrative       state-linked fraud-claim articles of the latest closed windows, oldest
 *                              first, for the narrative rule's horizon
 * @param recentArticles        articles of the latest closed windows, oldest first, for the spike rule's horizon
 * @param recentVolume          the other countries' articles and their expectation in the latest closed windows
 *                              with a known total, oldest first, which the level pools ({@code level.windows})
 */
public record CountryState(String country, Instant firstObserved, Instant lastClosedWindowStart,
                           HourlyBaseline articles, HourlyBaseline share, HourlyBaseline narrative,
                           List<ActorSeen> actors, List<IncidentState> incidents, HourlyBaseline volume,
                           Double level, Double referenceVolume, List<Integer> recentNarrative,
                           List<Integer> recentArticles, List<VolumeWindow> recentVolume) {

    public CountryState {
        Objects.requireNonNull(country, "country");
        articles = articles == null ? HourlyBaseline.empty() : articles;
        share = share == null ? HourlyBaseline.empty() : share;
        narrative = narrative == null ? HourlyBaseline.empty() : narrative;
        actors = actors == null ? List.of()
                : actors.stream().sorted(Comparator.comparing(ActorSeen::id)).toList();
        incidents = incidents == null ? List.of()
                : incidents.stream().sorted(Comparator.comparing(i -> i.rule().wireName())).toList();
        volume = volume == null ? HourlyBaseline.empty() : volume;
        recentNarrative = recentNarrative == null ? List.of() : List.copyOf(recentNarrative);
        recentArticles = recentArticles == null ? List.of() : List.copyOf(recentArticles);
        recentVolume = recentVolume == null ? List.of() : List.copyOf(recentVolume);
    }

    public static CountryState initial(String country) {
        return new CountryState(country, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Optional<IncidentState> incident(RuleKind rule) {
        return incidents.stream().filter(i -> i.rule() == rule).findFirst();
    }

    /** The level to scale expectations by: the latest known, 1 before any. */
    double levelOrOne() {
        return level == null ? 1.0 : level;
    }

    CountryState observe(Instant windowStart) {
        if (firstObserved != null && !windowStart.isBefore(firstObserved)) {
            return this;
        }
        return new CountryState(country, windowStart, lastClosedWindowStart, articles, share, narrative, actors,
                incidents, volume, level, referenceVolume, recentNarrative, recentArticles, recentVolume);
    }

    CountryState withIncident(RuleKind rule, IncidentState incident) {
        List<IncidentState> next = new ArrayList<>(incidents.stream().filter(i -> i.rule() != rule).toList());
        if (incident != null) {
            next.add(incident);
        }
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, narrative, actors,
                next, volume, level, referenceVolume, recentNarrative, recentArticles, recentVolume);
    }

    CountryState withArticles(HourlyBaseline baseline, List<Integer> recent) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, baseline, share, narrative, actors,
                incidents, volume, level, referenceVolume, recentNarrative, recent, recentVolume);
    }

    CountryState withShare(HourlyBaseline baseline) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, baseline, narrative, actors,
                incidents, volume, level, referenceVolume, recentNarrative, recentArticles, recentVolume);
    }

    CountryState withNarrative(HourlyBaseline baseline, List<Integer> recent) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, baseline, actors,
                incidents, volume, level, referenceVolume, recent, recentArticles, recentVolume);
    }

    CountryState withActors(List<ActorSeen> newActors) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, narrative, newActors,
                incidents, volume, level, referenceVolume, recentNarrative, recentArticles, recentVolume);
    }

    CountryState withVolume(HourlyBaseline baseline, Double newLevel, Double reference, List<VolumeWindow> recent) {
        return new CountryState(country, firstObserved, lastClosedWindowStart, articles, share, narrative, actors,
                incidents, baseline, newLevel, reference, recentNarrative, recentArticles, recent);
    }

    CountryState withLastClosed(Instant windowStart) {
        return new CountryState(country, firstObserved, windowStart, articles, share, narrative, actors, incidents,
                volume, level, referenceVolume, recentNarrative, recentArticles, recentVolume);
    }

    /**
     * One closed window as the level saw it: the other countries' articles and what their baseline expected.
     *
     * @param windowStart the window's start
     * @param others      the other countries' articles in it
     * @param expected    their expectation for it, before the window was learnt
     */
    public record VolumeWindow(Instant windowStart, int others, double expected) {
    }
}
