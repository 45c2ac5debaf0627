package org.influencemonitor.processor.history;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.influencemonitor.model.Alert;
import org.influencemonitor.processor.rules.RuleKind;

/**
 * Records every alert event in two queryable stores: the history of a country's alerts (kept for
 * {@code retention}; Alertmanager keeps none, and operations teams ask for it), and the latest event of
 * each open incident, removed when the incident resolves.
 */
public final class AlertHistory implements FixedKeyProcessor<String, Alert, Alert> {
    public static final String HISTORY_STORE = "alert-history";
    public static final String OPEN_STORE = "open-incidents";

    private final Duration retention;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, Alert> history;
    private KeyValueStore<String, Alert> open;

    public AlertHistory(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.history = context.getStateStore(HISTORY_STORE);
        this.open = context.getStateStore(OPEN_STORE);
    }

    /**
     * The open-incidents key of {@code alert}'s incident: a country has one incident per rule at a time,
     * but several feeds may be silent at once, so a coverage incident is also keyed by its id.
     */
    public static String incidentKey(Alert alert) {
        return alert.country() + "|" + alert.rule() + (manyAtOnce(alert) ? "|" + alert.alertId() : "");
    }

    private static boolean manyAtOnce(Alert alert) {
        return RuleKind.COVERAGE.wireName().equals(alert.rule());
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        Alert alert = record.value();
        int update = alert.update() == null ? 0 : alert.update();
        String suffix = alert.rule() + "|" + alert.status().wireName() + "|" + String.format("%05d", update)
                + (manyAtOnce(alert) ? "|" + alert.alertId() : "");
        history.put(HistoryKeys.of(alert.country(), alert.windowStart(), suffix), alert);
        WindowHistory.purge(history, alert.country(), alert.windowEnd().minus(retention));
        String incident = incidentKey(alert);
        if (alert.status() == Alert.Status.RESOLVED) {
            open.delete(incident);
        } else {
            open.put(incident, alert);
        }
        context.forward(record);
    }
}
