package org.influencemonitor.processor.windows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Coalesces the open windows' tallies on their way to {@code mentions.by-country}: at most one update per
 * window per {@code interval} of wall-clock time, as Kafka Streams' record cache does for the DSL, so that
 * a surge of thousands of articles a second does not become thousands of records downstream. The first
 * update after a quiet interval goes out at once; later ones wait for the interval's end, carrying the
 * latest count. A window's final tally always goes out at once, and supersedes anything pending.
 *
 * <p>Pending updates live in memory only: lost in a crash, they are intermediate counts that the next
 * update or the final tally replaces. The rules do not wait for this: they see every update.
 */
public final class MentionPublisher implements Processor<String, WindowTally, String, WindowTally> {
    private final Duration interval;
    private ProcessorContext<String, WindowTally> context;
    private Map<String, Record<String, WindowTally>> pending;
    private Map<String, Long> lastSent;

    public MentionPublisher(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, WindowTally> context) {
        this.context = context;
        this.pending = new LinkedHashMap<>();
        this.lastSent = new HashMap<>();
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, WindowTally> record) {
        WindowTally tally = record.value();
        String window = tally.country() + "|" + tally.windowStart().toEpochMilli();
        if (tally.closed()) {
            pending.remove(window);
            lastSent.remove(window);
            context.forward(record);
            return;
        }
        long now = context.currentSystemTimeMs();
        Long last = lastSent.get(window);
        if (last == null || now - last >= interval.toMillis()) {
            pending.remove(window);
            lastSent.put(window, now);
            context.forward(record);
        } else {
            pending.put(window, record);
        }
    }

    private void flush(long now) {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Record<String, WindowTally>>> due = new ArrayList<>(pending.entrySet());
        pending.clear();
        for (Map.Entry<String, Record<String, WindowTally>> entry : due) {
            lastSent.put(entry.getKey(), now);
            context.forward(entry.getValue());
        }
    }
}
