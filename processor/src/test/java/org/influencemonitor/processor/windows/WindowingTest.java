package org.influencemonitor.processor.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowingTest {
    private static final Instant START = Instant.parse("2024-10-18T14:00:00Z");
    private final EventWindows hourly = EventWindows.tumbling(Duration.ofHours(1), Duration.ofMinutes(15));

    @Test
    void windowsAreEpochAlignedAndCloseAtEndPlusGrace() {
        long t = START.plusSeconds(1799).toEpochMilli();
        assertEquals(java.util.List.of(START.toEpochMilli()), hourly.startsFor(t));
        assertFalse(hourly.isClosed(START.toEpochMilli(), START.plusSeconds(3600 + 899).toEpochMilli()));
        assertTrue(hourly.isClosed(START.toEpochMilli(), START.plusSeconds(3600 + 900).toEpochMilli()));
    }

    @Test
    void hoppingWindowsGiveEveryWindowThatContainsTheInstant() {
        EventWindows hopping = new EventWindows(Duration.ofHours(1), Duration.ofMinutes(15), Duration.ZERO);
        long t = START.plusSeconds(20 * 60).toEpochMilli();
        assertEquals(java.util.List.of(START.minusSeconds(1800).toEpochMilli(), START.minusSeconds(900).toEpochMilli(),
                START.toEpochMilli(), START.plusSeconds(900).toEpochMilli()), hopping.startsFor(t));
        assertEquals(java.util.List.of(START.toEpochMilli()), EventWindows.tumbling(Duration.ofHours(1), Duration.ZERO)
                .startsFor(START.toEpochMilli()));
    }

    @Test
    void aTallyCountsArticlesAndMentionsAndKeepsFiveEvidenceArticles() {
        WindowTally tally = WindowTally.empty("MD", START, START.plusSeconds(3600));
        for (int i = 0; i < 7; i++) {
            tally = tally.add(mention("MD", "a" + i, 2));
        }
        assertEquals(7, tally.articles());
        assertEquals(14, tally.mentions());
        assertEquals(5, tally.evidence().size());
        assertEquals(java.util.List.of("a0", "a1", "a2", "a3", "a4"),
                tally.evidence().stream().map(org.influencemonitor.model.Alert.Evidence::id).toList());
        WindowTally closed = tally.close(40);
        assertTrue(closed.toEvent().isFinal());
        assertEquals(40, closed.allCountriesArticles());
    }

    @Test
    void theLastWindowOfAReplayClosesAtTheEndOfTheLatestWindowContainingItsLastArticlePlusGrace() {
        Instant last = START.plusSeconds(20 * 60);
        assertEquals(START.plusSeconds(3600 + 900), hourly.allClosedAfter(last));
        EventWindows hopping = new EventWindows(Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
        // The latest hopping window containing 14:20 starts at 14:15 and ends at 15:15.
        assertEquals(START.plusSeconds(900 + 3600 + 900), hopping.allClosedAfter(last));
    }

    @Test
    void clockSignalsGoToEveryPartitionAndMentionsToTheirCountrysOne() {
        ClockSignals partitioner = new ClockSignals();
        assertEquals(Optional.of(Set.of(0, 1, 2, 3)), partitioner.partitions("t", ClockSignals.KEY,
                new CountingSignal.SourceClock(0, START.toEpochMilli(), false, java.util.Map.of()), 4));
        Set<Integer> md = partitioner.partitions("t", "MD", mention("MD", "a", 1), 4).orElseThrow();
        assertEquals(1, md.size());
        assertEquals(md, partitioner.partitions("t", "MD", mention("MD", "b", 1), 4).orElseThrow());
    }

    static CountingSignal.Mention mention(String country, String id, int mentions) {
        return new CountingSignal.Mention(country, id, java.util.List.of(START.toEpochMilli()), 3_600_000L, mentions, "t " + id,
                "u " + id, START, null, false, false, java.util.List.of(), java.util.List.of(), 0, START.toEpochMilli());
    }
}
