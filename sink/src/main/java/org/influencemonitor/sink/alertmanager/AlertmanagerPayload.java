package org.influencemonitor.sink.alertmanager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.EventKey;

/**
 * The body of {@code POST /api/v2/alerts}: the incident's fixed labels, and annotations for everything that
 * changes while it lasts (counts, score, the latest severity, evidence), with {@code generatorURL} pointing at
 * the country's alerts in the processor's query API.
 */
final class AlertmanagerPayload {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AlertmanagerPayload() {
    }

    static ArrayNode of(List<OpenIncidents.Incident> incidents, Instant now, Instant firingUntil, URI queryApi) {
        ArrayNode alerts = JSON.arrayNode();
        for (OpenIncidents.Incident incident : incidents) {
            Alert a = incident.latest().alert();
            boolean resolved = a.status() == Alert.Status.RESOLVED;
            Instant endsAt = resolved ? now : firingUntil;
            ObjectNode alert = alerts.addObject();
            ObjectNode labels = alert.putObject("labels");
            incident.labels().forEach(labels::put);
            annotations(alert.putObject("annotations"), a);
            alert.put("startsAt", incident.startsAt().toString());
            alert.put("endsAt", (endsAt.isBefore(incident.startsAt()) ? incident.startsAt() : endsAt).toString());
            alert.put("generatorURL", generatorUrl(queryApi, a.country()));
        }
        return alerts;
    }

    private static void annotations(ObjectNode n, Alert a) {
        n.put("summary", a.summary() != null && !a.summary().isBlank() ? a.summary()
                : a.rule() + " for " + a.country() + ": " + a.articles() + " articles (threshold " + a.threshold() + ")");
        n.put("status", a.status().wireName());
        n.put("current_severity", a.severity().wireName());
        n.put("update", String.valueOf(EventKey.updateOf(a)));
        n.put("articles", String.valueOf(a.articles()));
        n.put("threshold", String.valueOf(a.threshold()));
        if (a.expected() != null) {
            n.put("expected", String.format(Locale.ROOT, "%.2f", a.expected()));
        }
        if (a.score() != null) {
            n.put("score", String.format(Locale.ROOT, "%.3g", a.score()));
        }
        n.put("window_start", a.windowStart().toString());
        n.put("window_end", a.windowEnd().toString());
        if (a.incidentStart() != null) {
            n.put("incident_start", a.incidentStart().toString());
        }
        if (a.election() != null && a.election().date() != null) {
            n.put("election", a.election().date() + (a.election().type() == null ? "" : " " + a.election().type()));
        }
        if (!a.evidence().isEmpty()) {
            n.put("evidence", a.evidence().stream()
                    .map(e -> (e.title() == null ? e.id() : e.title()) + (e.url() == null ? "" : " " + e.url()))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String generatorUrl(URI queryApi, String country) {
        String base = queryApi.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/countries/" + country + "/alerts";
    }
}
