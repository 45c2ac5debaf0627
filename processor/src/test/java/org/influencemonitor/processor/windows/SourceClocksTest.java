package org.influencemonitor.processor.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting side's view of the source partitions' clocks: when windows may close, and their totals. */
class SourceClocksTest {
    private static CountingSignal.SourceClock clock(int partition, long watermark, boolean idle, Map<Long, Integer> totals) {
        return new CountingSignal.SourceClock(partition, watermark, idle, totals);
    }

    @Test
    void nothingClosesUntilEverySourceHasSpokenThenTheSlowestActiveSourceSetsTheTime() {
        SourceClocks clocks = new SourceClocks(3);
        clocks.update(clock(0, 500, false, Map.of()));
        clocks.update(clock(2, 900, false, Map.of()));
        assertEquals(Long.MIN_VALUE, clocks.watermark(), "source 1 has not been heard from");
        clocks.update(clock(1, 300, false, Map.of()));
        assertEquals(300, clocks.watermark());
        clocks.update(clock(1, 700, false, Map.of()));
        assertEquals(500, clocks.watermark());
    }

    @Test
    void anIdleSourceDoesNotHoldWindowsOpenAndWhenAllAreIdleTheLatestTimeCounts() {
        SourceClocks clocks = new SourceClocks(2);
        clocks.update(clock(0, 500, false, Map.of()));
        clocks.update(clock(1, 100, true, Map.of()));
        assertEquals(500, clocks.watermark());
        clocks.update(clock(0, 600, true, Map.of()));
        assertEquals(600, clocks.watermark(), "every source idle: the furthest clock");
        clocks.update(clock(1, 150, false, Map.of()));
        assertEquals(150, clocks.watermark(), "active again: it holds windows open from now on");
    }

    @Test
    void aWatermarkNeverGoesBackAndASourceBeyondTheExpectedCountIsWaitedForOnceHeard() {
        SourceClocks clocks = new SourceClocks(1);
        clocks.update(clock(0, 500, false, Map.of()));
        clocks.update(clock(0, 400, false, Map.of()));
        assertEquals(500, clocks.watermark());
        clocks.update(clock(1, 200, false, Map.of()));
        assertEquals(200, clocks.watermark());
    }

    @Test
    void aMentionHasPassedOnceEverySourceIsBeyondItOrAtItBehindOnlyHigherNumberedSources() {
        SourceClocks clocks = new SourceClocks(3);
        clocks.update(clock(0, 500, false, Map.of()));
        clocks.update(clock(1, 500, false, Map.of()));
        clocks.update(clock(2, 700, false, Map.of()));
        assertEquals(true, clocks.passed(499, 2), "before the lowest watermark: nothing earlier can come");
        assertEquals(false, clocks.passed(501, 0), "after it: a slower source may still send earlier mentions");
        assertEquals(true, clocks.passed(500, 0), "at it, from source 0: only later-sorting mentions can follow");
        assertEquals(false, clocks.passed(500, 1), "at it, from source 1: source 0 may still send one of time 500");
        clocks.update(clock(0, 600, false, Map.of()));
        assertEquals(true, clocks.passed(500, 1), "source 0 has moved on");
        assertEquals(false, clocks.passed(500, 2), "source 1 is still at 500");
    }

    @Test
    void totalsAreTheSumOverSourcesOfTheirLatestCountsAndAreForgottenOnceClosed() {
        SourceClocks clocks = new SourceClocks(2);
        assertEquals(-1, clocks.total(0));
        clocks.update(clock(0, 10, false, Map.of(0L, 3, 100L, 1)));
        clocks.update(clock(1, 10, false, Map.of(0L, 4)));
        clocks.update(clock(0, 20, false, Map.of(100L, 2))); // window 0 no longer sent: its last count stays
        assertEquals(7, clocks.total(0));
        assertEquals(2, clocks.total(100));
        assertEquals(Map.of(0, new SourceClocks.Source(20, false, Map.of(100L, 2)),
                1, new SourceClocks.Source(10, false, Map.of())), clocks.forgetThrough(0));
        assertEquals(-1, clocks.total(0));
        assertEquals(2, clocks.total(100));
    }

    @Test
    void feedCountsAddUpOverSourcePartitionsAndAreForgottenWithTheirWindow() {
        SourceClocks clocks = new SourceClocks(2);
        clocks.update(new CountingSignal.SourceClock(0, 10, false, Map.of(0L, 3),
                Map.of(0L, Map.of("wire", 2, "blog", 1), 3_600_000L, Map.of("wire", 1))));
        clocks.update(new CountingSignal.SourceClock(1, 10, false, Map.of(0L, 1), Map.of(0L, Map.of("wire", 4))));
        assertEquals(Map.of("wire", 6, "blog", 1), clocks.feeds(0));
        assertEquals(Map.of("wire", 1), clocks.feeds(3_600_000L));
        assertEquals(Map.of(), clocks.feeds(7_200_000L));
        clocks.forgetThrough(0);
        assertEquals(Map.of(), clocks.feeds(0));
        assertEquals(Map.of("wire", 1), clocks.feeds(3_600_000L));
    }

    @Test
    void aClockOrAStoredSourceWrittenBeforeFeedCountsStillReads() throws Exception {
        org.influencemonitor.model.JsonSerde<CountingSignal> signals = org.influencemonitor.model.JsonSerde.of(CountingSignal.class);
        CountingSignal old = signals.deserializer().deserialize("t",
                "{\"type\":\"clock\",\"partition\":1,\"watermark\":5,\"idle\":false,\"totals\":{\"0\":2}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new CountingSignal.SourceClock(1, 5, false, Map.of(0L, 2)), old);
        org.influencemonitor.model.JsonSerde<SourceClocks.Source> sources = org.influencemonitor.model.JsonSerde.of(SourceClocks.Source.class);
        assertEquals(new SourceClocks.Source(5, true, Map.of(0L, 2)), sources.deserializer().deserialize("t",
                "{\"watermark\":5,\"idle\":true,\"totals\":{\"0\":2}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CountingSignal.SourceClock now = new CountingSignal.SourceClock(0, 7, false, Map.of(0L, 1), Map.of(0L, Map.of("wire", 3)));
        assertEquals(now, signals.deserializer().deserialize("t", signals.serializer().serialize("t", now)));
        String plain = new String(signals.serializer().serialize("t", new CountingSignal.SourceClock(0, 7, false, Map.of())),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(plain.contains("sources"), "no per-feed counts, no field: " + plain);
    }
}
