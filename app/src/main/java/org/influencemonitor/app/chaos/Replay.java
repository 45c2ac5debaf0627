package org.influencemonitor.app.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.influencemonitor.app.scenario.ArticleScenario;
import org.influencemonitor.processor.windows.EventWindows;

/**
 * The known input every scenario replays: the seeded ten-day scenario of five countries with three surges
 * (a peak, a night and a state-media narrative surge), so that the fault-free run raises alerts, updates
 * and resolutions the faulted runs must reproduce. The articles arrive as feeds deliver them, each up to
 * {@link #MAX_DELAY} after its publication (seeded), so the input is out of order within the grace period
 * and the counters' holding and releasing is exercised, not only the in-order path. {@code clockAt} is the
 * tick that closes every window the replay opened, with the processor's default windows.
 */
record Replay(long seed, List<String> lines, List<Instant> publishedAt, Instant firstSurge, Instant clockAt) {
    static final Duration MAX_DELAY = Duration.ofMinutes(10);

    static Replay of(long seed) {
        ArticleScenario.Scenario scenario = ArticleScenario.tenDays(seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<ArticleScenario.Item> arrival = scenario.items().stream()
                .map(item -> Map.entry(item.publishedAt().plusSeconds(random.nextLong(MAX_DELAY.toSeconds() + 1)), item))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        List<Instant> times = arrival.stream().map(ArticleScenario.Item::publishedAt).toList();
        Instant latest = times.stream().max(Instant::compareTo).orElseThrow();
        EventWindows windows = EventWindows.tumbling(Duration.ofHours(1), Duration.ofMinutes(15));
        return new Replay(seed, arrival.stream().map(ArticleScenario.Item::line).toList(), times, scenario.surges().get(0).start(), windows.allClosedAfter(latest));
    }

    int size() {
        return lines.size();
    }

    /** The index of the first line that arrives after every article published before {@code t}. */
    int indexAt(Instant t) {
        int last = -1;
        for (int i = 0; i < publishedAt.size(); i++) {
            if (publishedAt.get(i).isBefore(t)) {
                last = i;
            }
        }
        return Math.min(publishedAt.size() - 1, last + 1);
    }

    /** The index {@code fraction} of the way through the replay. */
    int indexAtFraction(double fraction) {
        return (int) Math.min(size() - 1, Math.round(size() * fraction));
    }
}
