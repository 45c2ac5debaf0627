package org.influencemonitor.processor.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.influencemonitor.model.JsonSerde;
import org.junit.jupiter.api.Test;

/**
 * The counter's output is a function of its sources' streams, not of how they interleave: three sources
 * send out-of-order articles (each up to ten minutes after its publication, as feeds deliver) and clock
 * signals; delivered round-robin, one source after another, or shuffled, the counter emits the same
 * tallies (counts, evidence in the same order) and closes in the same sequence. A restart in the middle
 * (a new counter on the same stores, as after SIGKILL, with the stream carried on) changes nothing either.
 */
class CountingOrderTest {
    private static final Instant START = Instant.parse("2026-08-03T00:00:00Z");
    private static final EventWindows HOURLY = EventWindows.tumbling(Duration.ofHours(1), Duration.ofMinutes(15));
    private static final int SOURCES = 3;

    /** One record on the repartition topic: what a source sent. */
    private record Sent(int source, CountingSignal signal) {
    }

    @Test
    void theSameStreamsInAnyInterleavingGiveTheSameTalliesAndCloses() {
        List<List<Sent>> streams = new ArrayList<>();
        for (int p = 0; p < SOURCES; p++) {
            streams.add(sourceStream(p, new SplittableRandom(40 + p)));
        }
        List<Object> roundRobin = run(interleave(streams, new SplittableRandom(1), true), -1);
        List<Object> oneAfterAnother = run(concat(streams.get(2), streams.get(0), streams.get(1)), -1);
        List<Object> shuffled = run(interleave(streams, new SplittableRandom(7), false), -1);
        List<Object> restarted = run(interleave(streams, new SplittableRandom(9), false), 200);

        assertTrue(roundRobin.stream().filter(o -> o instanceof CounterOutput.Tally t && t.tally().closed()).count() >= 10,
                "windows closed with counts");
        assertEquals(roundRobin, oneAfterAnother, "one source after another");
        assertEquals(roundRobin, shuffled, "shuffled");
        assertEquals(roundRobin, restarted, "restarted in the middle");
    }

    /** A source's stream: articles of one country over 12 hours, out of order within 10 minutes, clocks every 5 minutes. */
    private static List<Sent> sourceStream(int p, SplittableRandom random) {
        List<long[]> arrivals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long published = START.toEpochMilli() + random.nextLong(Duration.ofHours(12).toMillis());
            arrivals.add(new long[] {published + random.nextLong(Duration.ofMinutes(10).toMillis()), published});
        }
        arrivals.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Sent> out = new ArrayList<>();
        Map<Long, Integer> totals = new TreeMap<>();
        long streamTime = Long.MIN_VALUE;
        long lastClock = Long.MIN_VALUE;
        int n = 0;
        for (long[] a : arrivals) {
            long eventTime = a[1];
            streamTime = Math.max(streamTime, eventTime);
            if (EventWindows.alignDown(streamTime, 300_000) > lastClock) {
                lastClock = EventWindows.alignDown(streamTime, 300_000);
                out.add(new Sent(p, new CountingSignal.SourceClock(p, streamTime, false, totals)));
            }
            long window = HOURLY.latestStart(eventTime);
            if (HOURLY.isClosed(window, streamTime)) {
                continue; // late at its source: never sent
            }
            totals.merge(window, 1, Integer::sum);
            String id = "s" + p + "-" + (n++);
            out.add(new Sent(p, new CountingSignal.Mention("MD", id, List.of(window), 3_600_000L, 1, "title " + id,
                    "https://example.org/" + id, Instant.ofEpochMilli(eventTime), "source", n % 3 == 0, n % 5 == 0,
                    List.of(), List.of(), p, streamTime)));
        }
        out.add(new Sent(p, new CountingSignal.SourceClock(p, START.plus(Duration.ofDays(1)).toEpochMilli(), false, totals)));
        return out;
    }

    private static List<Sent> interleave(List<List<Sent>> streams, SplittableRandom random, boolean roundRobin) {
        List<Sent> out = new ArrayList<>();
        int[] next = new int[streams.size()];
        int turn = 0;
        while (out.size() < streams.stream().mapToInt(List::size).sum()) {
            int p = roundRobin ? turn++ % streams.size() : random.nextInt(streams.size());
            if (next[p] < streams.get(p).size()) {
                out.add(streams.get(p).get(next[p]++));
            }
        }
        return out;
    }

    @SafeVarargs
    private static List<Sent> concat(List<Sent>... parts) {
        List<Sent> out = new ArrayList<>();
        for (List<Sent> part : parts) {
            out.addAll(part);
        }
        return out;
    }

    /** The counter's outputs for {@code input}; with {@code restartAt} >= 0 a new counter takes over the stores there. */
    private static List<Object> run(List<Sent> input, int restartAt) {
        MockProcessorContext<String, CounterOutput> context = new MockProcessorContext<>();
        store(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WindowedMentionCounter.STORE),
                Serdes.String(), JsonSerde.of(WindowTally.class)).withLoggingDisabled().build());
        store(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WindowedMentionCounter.CLOCKS_STORE),
                Serdes.Integer(), JsonSerde.of(SourceClocks.Source.class)).withLoggingDisabled().build());
        store(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WindowedMentionCounter.HELD_STORE),
                Serdes.String(), JsonSerde.of(CountingSignal.Mention.class)).withLoggingDisabled().build());
        WindowedMentionCounter counter = new WindowedMentionCounter(HOURLY, SOURCES);
        counter.init(context);
        for (int offset = 0; offset < input.size(); offset++) {
            if (offset == restartAt) {
                counter = new WindowedMentionCounter(HOURLY, SOURCES);
                counter.init(context);
            }
            Sent sent = input.get(offset);
            context.setRecordMetadata("by-country-repartition", 0, offset);
            String key = sent.signal() instanceof CountingSignal.Mention m ? m.country() : ClockSignals.KEY;
            counter.process(new Record<>(key, sent.signal(), 0L));
        }
        List<Object> out = new ArrayList<>();
        context.forwarded().forEach(f -> out.add(f.record().value()));
        // After a restart the first announcement may repeat; downstream ignores a close it has seen.
        List<Object> deduplicated = new ArrayList<>();
        for (Object o : out) {
            if (!(o instanceof CounterOutput.ClosedThrough) || !deduplicated.contains(o)) {
                deduplicated.add(o);
            }
        }
        return deduplicated;
    }

    private static <S extends KeyValueStore<?, ?>> void store(MockProcessorContext<String, CounterOutput> context, S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
