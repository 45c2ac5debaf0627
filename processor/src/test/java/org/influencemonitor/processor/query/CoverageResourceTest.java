package org.influencemonitor.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.influencemonitor.model.Json;
import org.influencemonitor.processor.alerts.RuleEvaluator;
import org.influencemonitor.processor.rules.SourceCoverage;
import org.junit.jupiter.api.Test;

/** {@code /coverage} shaped from the coverage state the counting tasks store. */
class CoverageResourceTest {
    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");

    private static SourceCoverage.State watched(int hours) {
        SourceCoverage watch = SourceCoverage.defaults();
        SourceCoverage.State state = SourceCoverage.State.initial();
        for (int h = 0; h < hours; h++) {
            Instant start = T0.plus(Duration.ofHours(h));
            state = watch.onWindowClosed(state, start, start.plus(Duration.ofHours(1)),
                    h < 72 ? Map.of("wire", 20, "blog", 2) : Map.of("blog", 2)).state();
        }
        return state;
    }

    private static JsonNode get(MapStores stores, String uri) throws Exception {
        Reply reply = new CoverageResource(new StoreReader(stores), null).answer(QueryRequest.of(URI.create(uri), false));
        assertEquals(200, reply.status(), new String(reply.body()));
        return Json.mapper().readTree(reply.body());
    }

    @Test
    void listsEveryFeedWithItsSilenceAndOpenIncidentAndTheGap() throws Exception {
        SourceCoverage.State state = watched(75);
        // two counting tasks on this instance; the one behind (catching up) must not be the answer
        MapStores stores = new MapStores().put(RuleEvaluator.COVERAGE_STORE, "a", watched(73))
                .put(RuleEvaluator.COVERAGE_STORE, "b", state);
        JsonNode body = get(stores, "/coverage");
        assertTrue(body.get("gap").asBoolean(), body.toString());
        assertEquals(T0.plus(Duration.ofHours(74)).toString(), body.get("last_closed_window").asText());
        JsonNode sources = body.get("sources");
        assertEquals(2, sources.size());
        JsonNode blog = sources.get(0);
        JsonNode wire = sources.get(1);
        assertEquals("blog", blog.get("source").asText());
        assertTrue(blog.get("silent_since").isNull(), "present and null: " + blog);
        assertTrue(blog.get("open_alert_id").isNull(), blog.toString());
        assertEquals(T0.plus(Duration.ofHours(74)).toString(), blog.get("last_articles_window").asText());
        assertEquals("wire", wire.get("source").asText());
        assertEquals(T0.plus(Duration.ofHours(72)).toString(), wire.get("silent_since").asText());
        assertEquals(state.sources().get("wire").incidentId(), wire.get("open_alert_id").asText());
        assertEquals(T0.plus(Duration.ofHours(71)).toString(), wire.get("last_articles_window").asText());
        double perHour = wire.get("expected_per_hour").asDouble();
        assertTrue(perHour > 10 && perHour <= 20, "learnt from 20 an hour: " + perHour);
    }

    @Test
    void beforeAnyWindowClosedThereIsNoGapAndNoFeed() throws Exception {
        JsonNode body = get(new MapStores().put(RuleEvaluator.COVERAGE_STORE, "a", SourceCoverage.State.initial()), "/coverage");
        assertEquals(false, body.get("gap").asBoolean());
        assertTrue(body.get("last_closed_window").isNull());
        assertEquals(0, body.get("sources").size());
    }

    @Test
    void parametersAreRefused() {
        Reply reply;
        try {
            reply = new CoverageResource(new StoreReader(new MapStores()), null)
                    .answer(QueryRequest.of(URI.create("/coverage?source=wire"), false));
        } catch (QueryException e) {
            reply = e.reply();
        }
        assertEquals(400, reply.status());
    }
}
