package org.influencemonitor.processor.alerts;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.Alert;
import org.influencemonitor.processor.windows.WindowTally;

/**
 * Applies the rule to each window update and emits at most one alert per country, window and rule.
 * Which windows have alerted is kept in a changelogged store, so with exactly-once processing a restart
 * neither repeats nor loses an alert; a window's entry is dropped when the window closes.
 */
public final class AlertEmitter implements Processor<String, WindowTally, String, Alert> {
    public static final String STORE = "alerted-windows";

    private final ThresholdRule rule;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> alerted;

    public AlertEmitter(ThresholdRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerted = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, WindowTally> record) {
        WindowTally tally = record.value();
        String alertId = AlertIds.of(ThresholdRule.NAME, tally.country(), tally.windowStart(), tally.windowEnd());
        if (tally.closed()) {
            alerted.delete(alertId);
            return;
        }
        if (alerted.get(alertId) != null) {
            return;
        }
        rule.evaluate(tally.articles()).ifPresent(severity -> {
            alerted.put(alertId, tally.windowEnd().toEpochMilli());
            Alert alert = new Alert(1, alertId, ThresholdRule.NAME, tally.country(), tally.windowStart(),
                    tally.windowEnd(), tally.articles(), rule.threshold(), severity, Alert.Status.FIRING,
                    tally.evidence(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withValue(alert));
        });
    }
}
