package org.influencemonitor.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.Topics;

/**
 * Every committed record of a run's output topics, as keyed JSON content ready to compare with another
 * run's. Only wall-clock fields are dropped: {@code created_at} of an alert (when the processor raised it)
 * and {@code ingested_at} of an enriched article (when ingest published it). Everything else, event times,
 * counts, scores, expectations, evidence, order of lists, must be the same in a run with faults as in one
 * without. {@code mentions.by-country} is compared by its final records only: the updates before them are
 * coalesced by wall-clock time (at most one a second per window) and so differ from run to run by design.
 *
 * @param alerts   (alert_id, update) and content of every alert event, in topic order
 * @param enriched id and content of every enriched article
 * @param windows  (country, window_start) and content of every final window count
 */
record RunOutput(List<Keyed> alerts, List<Keyed> enriched, List<Keyed> windows, int late, int deadLetters) {
    /** A record's identity in the comparison, and its content without wall-clock fields. */
    record Keyed(String key, String content) {
    }

    static RunOutput read(String bootstrapServers) {
        Properties none = new Properties();
        List<Keyed> alerts = new ArrayList<>();
        for (JsonNode alert : values(bootstrapServers, none, Topics.ALERTS)) {
            alerts.add(new Keyed(alert.path("alert_id").asText() + "#" + alert.path("update").asText(),
                    without(alert, "created_at")));
        }
        List<Keyed> enriched = new ArrayList<>();
        for (JsonNode article : values(bootstrapServers, none, Topics.ARTICLES_ENRICHED)) {
            enriched.add(new Keyed(article.path("id").asText(), without(article, "ingested_at")));
        }
        List<Keyed> windows = new ArrayList<>();
        for (JsonNode window : values(bootstrapServers, none, Topics.MENTIONS_BY_COUNTRY)) {
            if (window.path("final").asBoolean(false)) {
                windows.add(new Keyed(window.path("country").asText() + "@" + window.path("window_start").asText(),
                        window.toString()));
            }
        }
        int late = TopicSnapshot.read(bootstrapServers, none, Topics.ARTICLES_LATE).size();
        int dead = TopicSnapshot.read(bootstrapServers, none, Topics.ARTICLES_DLQ).size();
        return new RunOutput(List.copyOf(alerts), List.copyOf(enriched), List.copyOf(windows), late, dead);
    }

    private static List<JsonNode> values(String bootstrapServers, Properties props, String topic) {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicSnapshot.read(bootstrapServers, props, topic)) {
            try {
                out.add(Json.mapper().readTree(r.value()));
            } catch (IOException e) {
                throw new ChaosFailure(topic + " holds a record that is not JSON at offset " + r.offset() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String without(JsonNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy.toString();
    }
}
