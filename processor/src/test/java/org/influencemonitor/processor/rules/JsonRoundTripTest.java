package org.influencemonitor.processor.rules;

import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.ActorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;
import org.junit.jupiter.api.Test;

/** The records live in state stores as JSON through the contract's mapper: they must round-trip exactly. */
class JsonRoundTripTest {

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        String json = Json.mapper().writeValueAsString(value);
        return Json.mapper().readValue(json, type);
    }

    @Test
    void aBusyCountryStateRoundTripsAndIsSnakeCaseWithIsoInstants() throws Exception {
        ScenarioGenerator.Scenario sc = new ScenarioGenerator(7).generate();
        RuleEngine engine = new RuleEngine(RulesConfig.defaults(), ElectionCalendar.empty());
        String country = sc.surges().get(0).country();
        CountryState s = CountryState.initial(country);
        List<AlertEvent> events = new ArrayList<>();
        for (WindowObservation w : sc.windows()) {
            if (!w.country().equals(country)) {
                continue;
            }
            RuleEngine.Result r = engine.onWindowClosed(s, w);
            s = r.state();
            events.addAll(r.alerts());
            assertEquals(s, roundTrip(s, CountryState.class));
        }
        assertFalse(s.actors().isEmpty());
        assertFalse(events.isEmpty());
        JsonNode tree = Json.mapper().readTree(Json.mapper().writeValueAsString(s));
        assertTrue(tree.has("last_closed_window_start"), tree.toString());
        assertTrue(tree.get("first_observed").isTextual());
        assertTrue(tree.get("first_observed").asText().endsWith("Z"));
        for (AlertEvent e : events) {
            assertEquals(e, roundTrip(e, AlertEvent.class));
        }
        JsonNode event = Json.mapper().readTree(Json.mapper().writeValueAsString(events.get(0)));
        assertTrue(event.has("alert_id") && event.has("incident_start") && event.has("top_actors"), event.toString());
    }

    @Test
    void openIncidentsAndTheNullExpectationRoundTrip() throws Exception {
        IncidentState inc = new IncidentState("id", RuleKind.SPIKE, Obs.hour(1), Obs.hour(3), 1, Obs.hour(3), Alert.Severity.WARNING,
                12.5, 2);
        CountryState s = CountryState.initial("MD").observe(Obs.hour(0)).withIncident(RuleKind.SPIKE, inc);
        assertEquals(s, roundTrip(s, CountryState.class));
        AlertEvent e = new AlertEvent("id", RuleKind.THRESHOLD, "MD", Obs.hour(1), Obs.hour(2), 10, 10, Alert.Severity.WARNING,
                Alert.Status.FIRING,
                1.0, null, "x", List.of(), List.of(new MentionWindow.ActorCount("rt", "RT", "RU", ActorKind.STATE_MEDIA, 2)), Obs.hour(1), 0);
        assertFalse(Json.mapper().writeValueAsString(e).contains("expected"), "a null expectation is omitted");
        assertEquals(e, roundTrip(e, AlertEvent.class));
        WindowObservation w = Obs.full("MD", 3, 5, 1, 40, List.of(new MentionWindow.ActorCount("rt", "RT", "RU", ActorKind.STATE_MEDIA, 2)));
        assertEquals(w, roundTrip(w, WindowObservation.class));
    }

    /** A state stored by the processor before issue 12 (no level, no horizon; rule and severity as names). */
    @Test
    void aStateStoredBeforeTheLevelAndTheHorizonIsReadAndCarriesOn() throws Exception {
        String zeros = String.join(",", java.util.Collections.nCopies(24, "0.0"));
        String baseline = "{\"windows\":0,\"sums\":[" + zeros + "],\"weights\":[" + zeros + "]}";
        String json = "{\"country\":\"MD\",\"first_observed\":\"2026-01-05T00:00:00Z\","
                + "\"last_closed_window_start\":\"2026-01-05T00:00:00Z\",\"articles\":" + baseline
                + ",\"share\":" + baseline + ",\"narrative\":" + baseline
                + ",\"actors\":[{\"id\":\"rt\",\"first_seen\":\"2026-01-05T00:00:00Z\",\"last_seen\":\"2026-01-05T00:00:00Z\"}]"
                + ",\"incidents\":[{\"incident_id\":\"id\",\"rule\":\"threshold\",\"first_window_start\":\"2026-01-05T00:00:00Z\","
                + "\"last_breach_window\":\"2026-01-05T00:00:00Z\",\"quiet_windows\":0,\"last_emitted_window\":\"2026-01-05T00:00:00Z\","
                + "\"last_emitted_severity\":\"warning\",\"peak_score\":1.2,\"updates\":0}]}";
        CountryState old = Json.mapper().readValue(json, CountryState.class);
        IncidentState inc = old.incident(RuleKind.THRESHOLD).orElseThrow();
        assertEquals(Alert.Severity.WARNING, inc.lastEmittedSeverity());
        assertEquals(List.of(), old.recentNarrative());
        assertEquals(1.0, old.levelOrOne());
        RuleEngine engine = new RuleEngine(RulesConfig.defaults(), ElectionCalendar.empty());
        List<AlertEvent> events = new ArrayList<>();
        CountryState s = old;
        for (int h = 1; h <= 2; h++) {
            RuleEngine.Result r = engine.onWindowClosed(s, Obs.articles("MD", h, 1));
            s = r.state();
            events.addAll(r.alerts());
        }
        assertEquals(List.of("id"), events.stream().map(AlertEvent::alertId).toList(), "the stored incident resolves");
        assertEquals(Alert.Status.RESOLVED, events.get(0).status());
        assertEquals(s, roundTrip(s, CountryState.class));
    }
}
