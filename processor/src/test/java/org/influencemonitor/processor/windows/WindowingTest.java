package org.influencemonitor.processor.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void aTallyCountsEachArticleOnceAndKeepsFiveEvidenceArticles() {
        WindowTally tally = WindowTally.empty("MD", START, START.plusSeconds(3600));
        for (int i = 0; i < 7; i++) {
            tally = tally.add(CountrySignal.mention("MD", "a" + i, 2, "t" + i, "u" + i, START));
        }
        WindowTally again = tally.add(CountrySignal.mention("MD", "a3", 2, "t3", "u3", START));
        assertSame(tally, again);
        assertEquals(7, tally.articles());
        assertEquals(14, tally.mentions());
        assertEquals(5, tally.evidence().size());
        assertTrue(tally.close().toEvent().isFinal());
    }

    @Test
    void clockSignalsGoToEveryPartitionAndMentionsToTheirCountrysOne() {
        ClockSignals partitioner = new ClockSignals();
        assertEquals(Optional.of(Set.of(0, 1, 2, 3)),
                partitioner.partitions("t", ClockSignals.KEY, CountrySignal.clock(START), 4));
        Set<Integer> md = partitioner.partitions("t", "MD", CountrySignal.mention("MD", "a", 1, "", "", START), 4).orElseThrow();
        assertEquals(1, md.size());
        assertEquals(md, partitioner.partitions("t", "MD", CountrySignal.mention("MD", "b", 1, "", "", START), 4).orElseThrow());
    }
}
