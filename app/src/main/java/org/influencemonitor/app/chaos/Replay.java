package org.influencemonitor.app.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.influencemonitor.app.scenario.ArticleScenario;
import org.influencemonitor.processor.windows.EventWindows;

/**
 * The known input every scenario replays: the seeded ten-day scenario of five countries with three surges
 * (a peak, a night and a state-media narrative surge), in publication order, so that the fault-free run
 * raises alerts, updates and resolutions the faulted runs must reproduce. {@code clockAt} is the tick
 * that closes every window the replay opened, with the processor's default windows.
 */
record Replay(long seed, List<String> lines, List<Instant> publishedAt, Instant firstSurge, Instant clockAt) {
    static Replay of(long seed) {
        ArticleScenario.Scenario scenario = ArticleScenario.tenDays(seed);
        List<Instant> times = scenario.items().stream().map(ArticleScenario.Item::publishedAt).toList();
        Instant latest = times.get(times.size() - 1);
        EventWindows windows = EventWindows.tumbling(Duration.ofHours(1), Duration.ofMinutes(15));
        return new Replay(seed, scenario.lines(), times, scenario.surges().get(0).start(), windows.allClosedAfter(latest));
    }

    int size() {
        return lines.size();
    }

    /** The index of the first line published at or after {@code t}. */
    int indexAt(Instant t) {
        for (int i = 0; i < publishedAt.size(); i++) {
            if (!publishedAt.get(i).isBefore(t)) {
                return i;
            }
        }
        return publishedAt.size();
    }

    /** The index {@code fraction} of the way through the replay. */
    int indexAtFraction(double fraction) {
        return (int) Math.min(size() - 1, Math.round(size() * fraction));
    }
}
