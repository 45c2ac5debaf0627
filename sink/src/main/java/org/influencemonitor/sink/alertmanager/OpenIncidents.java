package org.influencemonitor.sink.alertmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.EventKey;

/**
 * The incidents that are firing, as Alertmanager must keep seeing them. An incident's labels are fixed by
 * its first event (severity included): Alertmanager identifies an alert by its label set, so a label that
 * changed mid-incident would leave the old alert to time out and page again under a new one.
 */
final class OpenIncidents {
    /** One incident: its labels for good, when it started, and its latest event. */
    record Incident(Map<String, String> labels, Instant startsAt, DeliveredAlert latest) {
    }

    private final Map<String, String> extraLabels;
    private final Map<String, Incident> byId = new LinkedHashMap<>();

    OpenIncidents(Map<String, String> extraLabels) {
        this.extraLabels = new TreeMap<>(extraLabels);
    }

    /** False for an event of an incident that this channel has already seen as recent or more recent. */
    boolean isNews(DeliveredAlert event) {
        Incident known = byId.get(event.alert().alertId());
        return known == null || EventKey.updateOf(known.latest().alert()) < event.key().update();
    }

    /** The incident as it is after {@code event}, without recording it yet. */
    Incident after(DeliveredAlert event) {
        Incident known = byId.get(event.alert().alertId());
        return known == null ? new Incident(labelsFor(event.alert()), event.alert().createdAt(), event)
                : new Incident(known.labels(), known.startsAt(), event);
    }

    /** Records a delivered (or restored) event: a resolved incident is no longer open. */
    void apply(DeliveredAlert event) {
        if (!isNews(event)) {
            return;
        }
        if (event.alert().status() == Alert.Status.RESOLVED) {
            byId.remove(event.alert().alertId());
        } else {
            byId.put(event.alert().alertId(), after(event));
        }
    }

    /** The open incidents whose latest event is younger than {@code forgetAfter}. */
    List<Incident> firing(Instant now, Duration forgetAfter) {
        Instant horizon = now.minus(forgetAfter);
        return byId.values().stream().filter(i -> i.latest().alert().createdAt().isAfter(horizon)).toList();
    }

    void forget(Collection<Integer> partitions) {
        byId.values().removeIf(i -> partitions.contains(i.latest().partition()));
    }

    int size() {
        return byId.size();
    }

    private Map<String, String> labelsFor(Alert a) {
        Map<String, String> labels = new TreeMap<>(extraLabels);
        labels.put("alertname", alertName(a.rule()));
        labels.put("rule", a.rule());
        labels.put("country", a.country());
        labels.put("severity", a.severity().wireName());
        labels.put("alert_id", a.alertId());
        return Map.copyOf(labels);
    }

    /** {@code new_actor} is {@code InfluenceMonitorNewActor}: a rule added later gets a name the same way. */
    static String alertName(String rule) {
        StringBuilder name = new StringBuilder("InfluenceMonitor");
        for (String part : rule.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.toString();
    }
}
