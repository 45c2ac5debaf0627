package org.influencemonitor.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.alerts.RuleEvaluator;
import org.influencemonitor.processor.history.AlertHistory;
import org.influencemonitor.processor.history.HistoryKeys;
import org.influencemonitor.processor.history.WindowHistory;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.WindowObservation;
import org.junit.jupiter.api.Test;

/** The map's and the timelines' answers from in-memory stores: sums, peaks, the band, the incidents. */
class MapResourceTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final MonitorConfig CONFIG = MonitorConfig.defaults();

    private final MapStores stores = new MapStores();
    private final StoreReader reader = new StoreReader(stores);
    private final RuleEngine engine = new RuleEngine(CONFIG.rules(), CONFIG.calendar());
    private final BaselineBands bands = new BaselineBands(engine, CONFIG.windows());

    private static Instant hour(int h) {
        return T0.plus(Duration.ofHours(h));
    }

    /** Four days of two articles an hour: a warm baseline. */
    private CountryState warmState(String country) {
        CountryState state = CountryState.initial(country);
        for (int h = 0; h < 96; h++) {
            WindowObservation w = new WindowObservation(country, hour(h), hour(h + 1), true, 2, 2, 0, 0, List.of(), -1, List.of());
            state = engine.onWindowClosed(state, w).state();
        }
        return state;
    }

    private void window(String country, int h, int articles) {
        stores.put(WindowHistory.STORE, HistoryKeys.of(country, hour(h)), new MentionWindow(1, country, hour(h), hour(h + 1),
                articles, articles, true, 0, 0, List.of(), List.of()));
    }

    private JsonNode get(Reply reply) throws Exception {
        assertEquals(200, reply.status(), new String(reply.body()));
        return Json.mapper().readTree(reply.body());
    }

    @Test
    void theMapSumsEachCountrysWindowsInTheRangeWithTheExpectationAndItsIncidents() throws Exception {
        CountryState md = warmState("MD");
        stores.put(RuleEvaluator.STORE, "MD", md).put(RuleEvaluator.STORE, "RO", warmState("RO"))
                .put(RuleEvaluator.STORE, "PL", CountryState.initial("PL"));
        window("MD", 90, 2);
        window("MD", 91, 12);
        window("MD", 95, 3);
        window("RO", 20, 4);
        Alert incident = new Alert(1, "id", "spike", "MD", hour(91), hour(92), 12, 9, Alert.Severity.CRITICAL,
                Alert.Status.FIRING, List.of(), hour(91));
        stores.put(AlertHistory.OPEN_STORE, "MD|spike", incident);
        MapResource map = new MapResource(reader, bands, CONFIG.windows(), null);

        JsonNode answer = get(map.answer(QueryRequest.of(URI.create("/map?from=" + hour(90) + "&to=" + hour(96)), true)));
        JsonNode countries = answer.get("countries");
        assertEquals(1, countries.size(), "RO has nothing in range, PL nothing at all: " + countries);
        JsonNode m = countries.get(0);
        assertEquals("MD", m.get("country").asText());
        assertEquals(17, m.get("articles").asInt());
        assertEquals(12, m.get("peak").asInt());
        assertEquals(hour(96).toString(), m.get("newest_window_end").asText());
        double expected = bands.over(md, hour(90), hour(96)).stream().mapToDouble(BaselineBands.Point::expected).sum();
        assertEquals(6, bands.over(md, hour(90), hour(96)).size(), "one band per hour in range");
        assertEquals(expected, m.get("expected").asDouble(), 1e-9);
        assertTrue(expected > 6 && expected < 18, "about two an hour: " + expected);
        assertEquals("spike", m.get("incidents").get(0).get("rule").asText());
        assertEquals("critical", m.get("incidents").get(0).get("severity").asText());

        JsonNode all = get(map.answer(QueryRequest.of(URI.create("/map"), true))).get("countries");
        assertEquals(2, all.size(), "without bounds every window held: " + all);
    }

    @Test
    void theBaselineIsTheSpikeRulesBandPerWindowFromTheFirstWindowSeen() throws Exception {
        CountryState md = warmState("MD");
        stores.put(RuleEvaluator.STORE, "MD", md);
        BaselineResource baseline = new BaselineResource(reader, bands);
        JsonNode windows = get(baseline.answer("MD", 0, QueryRequest.of(
                URI.create("/countries/MD/baseline?from=" + hour(-5) + "&to=" + hour(3)), false))).get("windows");
        assertEquals(3, windows.size(), "nothing before the first window the country was seen in: " + windows);
        assertEquals(hour(0).toString(), windows.get(0).get("window_start").asText());
        JsonNode open = get(baseline.answer("MD", 0, QueryRequest.of(URI.create("/countries/MD/baseline"), false))).get("windows");
        JsonNode last = open.get(open.size() - 1);
        assertEquals(hour(96).toString(), last.get("window_start").asText(), "up to the window the rules close next");
        RuleEngine.Band band = engine.spikeBand(md, hour(96), hour(97)).orElseThrow();
        assertEquals(band.expected(), last.get("expected").asDouble(), 1e-9);
        assertEquals(band.bound(), last.get("bound").asInt());

        assertEquals(0, get(baseline.answer("XX", 0, QueryRequest.of(URI.create("/countries/XX/baseline"), false)))
                .get("windows").size(), "a country the rules never saw has no band");
        assertNull(reader.countryState("XX", 0).orElse(null));
    }
}
