package org.influencemonitor.processor.windows;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Watches event time on the article side and, each time it crosses a tick boundary, emits one clock
 * signal for the counting side. Without it, a counting partition only learns the time from mentions of
 * its own countries, and a quiet country's last window would never close.
 *
 * <p>The last tick lives in memory: after a restart the first article re-emits one tick, which is
 * harmless because clock signals only ever move time forward.
 */
public final class ClockTicker<V> implements Processor<String, V, String, CountrySignal> {
    private final long tickMs;
    private ProcessorContext<String, CountrySignal> context;
    private long lastTick = Long.MIN_VALUE;

    public ClockTicker(Duration tick) {
        this.tickMs = tick.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, CountrySignal> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        long tick = Math.floorDiv(record.timestamp(), tickMs) * tickMs;
        if (tick > lastTick) {
            lastTick = tick;
            context.forward(new Record<>(ClockSignals.KEY, CountrySignal.clock(Instant.ofEpochMilli(tick)), tick));
        }
    }
}
