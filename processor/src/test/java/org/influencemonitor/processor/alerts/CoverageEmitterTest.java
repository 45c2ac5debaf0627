package org.influencemonitor.processor.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.ElectionCalendar;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.RulesConfig;
import org.influencemonitor.processor.rules.SourceCoverage;
import org.influencemonitor.processor.windows.CounterOutput;
import org.influencemonitor.processor.windows.EventWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every counting task receives the same per-feed counts (the source clocks are broadcast), so every task
 * computes the same coverage state; only partition 0's task may send the events, or each would appear
 * once per partition. Three tasks of a three-partition layout, with Kafka's own processor test context.
 */
class CoverageEmitterTest {
    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final EventWindows HOURLY = EventWindows.tumbling(Duration.ofHours(1), Duration.ofMinutes(15));

    @TempDir
    Path dir;

    private record Task(RuleEvaluator evaluator, MockProcessorContext<String, Alert> context,
                        KeyValueStore<String, SourceCoverage.State> coverage) {
    }

    private Task task(int partition) {
        RulesConfig rules = RulesConfig.defaults();
        RuleEvaluator evaluator = new RuleEvaluator(new RuleEngine(rules, ElectionCalendar.empty()), HOURLY,
                new AlertMapper(ElectionCalendar.empty(), rules.preElection()), SourceCoverage.of(rules.coverage()));
        MockProcessorContext<String, Alert> context = new MockProcessorContext<>(new Properties(),
                new TaskId(1, partition), dir.resolve("p" + partition).toFile());
        KeyValueStore<String, CountryState> countries = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(RuleEvaluator.STORE), Serdes.String(), JsonSerde.of(CountryState.class))
                .withLoggingDisabled().build();
        KeyValueStore<String, SourceCoverage.State> coverage = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(RuleEvaluator.COVERAGE_STORE), Serdes.String(),
                JsonSerde.of(SourceCoverage.State.class)).withLoggingDisabled().build();
        countries.init(context.getStateStoreContext(), countries);
        coverage.init(context.getStateStoreContext(), coverage);
        context.addStateStore(countries);
        context.addStateStore(coverage);
        context.setCurrentSystemTimeMs(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        evaluator.init(context);
        return new Task(evaluator, context, coverage);
    }

    @Test
    void onlyPartitionZerosTaskSendsCoverageEventsAndEveryTaskKnowsTheOutage() {
        List<Task> tasks = List.of(task(0), task(1), task(2));
        for (int h = 0; h < 80; h++) {
            long start = T0.plus(Duration.ofHours(h)).toEpochMilli();
            Map<String, Integer> feeds = h >= 72 && h < 76 ? Map.of("blog", 1) : Map.of("wire", 20, "blog", 1);
            for (Task t : tasks) {
                t.evaluator().process(new Record<>("~clock", new CounterOutput.FeedsClosed(start, feeds), start));
                t.evaluator().process(new Record<>("~clock", new CounterOutput.ClosedThrough(start), start));
            }
        }
        List<Alert> sent = tasks.get(0).context().forwarded().stream().map(f -> (Alert) f.record().value()).toList();
        assertEquals(List.of(Alert.Status.FIRING, Alert.Status.RESOLVED), sent.stream().map(Alert::status).toList());
        assertTrue(sent.stream().allMatch(a -> a.rule().equals("coverage") && a.country().equals("ZZ")), sent.toString());
        assertEquals(sent.get(0).alertId(), sent.get(1).alertId());
        assertTrue(sent.get(0).summary().contains("wire"), sent.get(0).summary());
        for (Task other : tasks.subList(1, 3)) {
            assertEquals(List.of(), other.context().forwarded(), "task " + other.context().taskId() + " sends nothing");
        }
        SourceCoverage.State first = tasks.get(0).coverage().get(RuleEvaluator.FEEDS_KEY);
        for (Task t : tasks) {
            assertEquals(first, t.coverage().get(RuleEvaluator.FEEDS_KEY), "every task stores the same state");
        }
    }

    @Test
    void aRestartedTaskReadsTheStateFromItsStoreAndSendsNothingTwice() {
        Task t = task(0);
        for (int h = 0; h < 73; h++) {
            long start = T0.plus(Duration.ofHours(h)).toEpochMilli();
            t.evaluator().process(new Record<>("~clock", new CounterOutput.FeedsClosed(start,
                    h < 72 ? Map.of("wire", 20) : Map.of()), start));
        }
        assertEquals(1, t.context().forwarded().size(), "the outage fires at its first window");
        RulesConfig rules = RulesConfig.defaults();
        RuleEvaluator revived = new RuleEvaluator(new RuleEngine(rules, ElectionCalendar.empty()), HOURLY,
                new AlertMapper(ElectionCalendar.empty(), rules.preElection()), SourceCoverage.of(rules.coverage()));
        t.context().resetForwards();
        revived.init(t.context());
        long again = T0.plus(Duration.ofHours(72)).toEpochMilli();
        revived.process(new Record<>("~clock", new CounterOutput.FeedsClosed(again, Map.of()), again));
        assertEquals(List.of(), t.context().forwarded(), "a window already watched is not watched twice");
        long back = T0.plus(Duration.ofHours(73)).toEpochMilli();
        revived.process(new Record<>("~clock", new CounterOutput.FeedsClosed(back, Map.of("wire", 2)), back));
        assertEquals(Alert.Status.RESOLVED, t.context().forwarded().get(0).record().value().status(),
                "the incident the store remembers resolves after the restart");
    }
}
