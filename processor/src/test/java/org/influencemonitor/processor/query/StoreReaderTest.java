package org.influencemonitor.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.processor.history.AlertHistory;
import org.influencemonitor.processor.history.HistoryKeys;
import org.influencemonitor.processor.history.WindowHistory;
import org.influencemonitor.processor.windows.CountingSignal;
import org.influencemonitor.processor.windows.WindowTally;
import org.influencemonitor.processor.windows.WindowedMentionCounter;
import org.junit.jupiter.api.Test;

class StoreReaderTest {
    private static final Instant H0 = Instant.parse("2024-10-18T12:00:00Z");
    private static final Instant H1 = H0.plusSeconds(3600);
    private static final Instant H2 = H0.plusSeconds(7200);
    private static final Instant H3 = H0.plusSeconds(3 * 3600);
    private static final Instant H4 = H0.plusSeconds(4 * 3600);

    private final MapStores stores = new MapStores();
    private final StoreReader reader = new StoreReader(stores);

    private static MentionWindow closed(String country, Instant start, int articles) {
        return new MentionWindow(1, country, start, start.plusSeconds(3600), articles, articles, true, 0, 0, List.of(), List.of());
    }

    private static WindowTally open(String country, Instant start, String... ids) {
        return new WindowTally(country, start, start.plusSeconds(3600), ids.length, ids.length, 0, 0, Map.of(), Map.of(),
                List.of(), false, -1);
    }

    private static String openKey(Instant start, String country) {
        return String.format("%015d", start.toEpochMilli()) + "|" + country;
    }

    private static Alert alert(String country, Instant start, int update, Alert.Status status) {
        return new Alert(1, "id-" + country + start, "threshold", country, start, start.plusSeconds(3600), 3, 3,
                Alert.Severity.WARNING, status, List.of(), start, null, null, null, null, update, null, null, null);
    }

    private static String alertKey(Alert a) {
        return HistoryKeys.of(a.country(), a.windowStart(), a.rule() + "|" + a.status().wireName() + "|"
                + String.format("%05d", a.update()));
    }

    private void windows() {
        stores.put(WindowHistory.STORE, HistoryKeys.of("MD", H0), closed("MD", H0, 4))
                .put(WindowHistory.STORE, HistoryKeys.of("MD", H1), closed("MD", H1, 7))
                .put(WindowHistory.STORE, HistoryKeys.of("RO", H1), closed("RO", H1, 9))
                .put(WindowedMentionCounter.STORE, openKey(H2, "MD"), open("MD", H2, "a", "b"))
                .put(WindowedMentionCounter.STORE, openKey(H2, "RO"), open("RO", H2, "c"))
                .put(WindowedMentionCounter.STORE, openKey(H3, "MD"), open("MD", H3, "d"));
    }

    @Test
    void countsJoinClosedAndOpenWindowsOfOneCountryInStartOrder() {
        windows();
        List<MentionWindow> all = reader.windows("MD", Instant.EPOCH, null, 2);
        assertEquals(List.of(H0, H1, H2, H3), all.stream().map(MentionWindow::windowStart).toList());
        assertEquals(List.of(4, 7, 2, 1), all.stream().map(MentionWindow::articles).toList());
        assertEquals(List.of(true, true, false, false), all.stream().map(MentionWindow::isFinal).toList());
        assertTrue(all.stream().allMatch(w -> w.country().equals("MD")));
        assertEquals(List.of(2, 2, 2), stores.partitionsAsked, "all three stores read on the country's partition");
    }

    @Test
    void mentionsHeldForSlowerSourcesAreCountedInTheAnswer() {
        windows();
        for (CountingSignal.Mention m : List.of(held("MD", "e", H2), held("MD", "f", H4), held("RO", "g", H4))) {
            stores.put(WindowedMentionCounter.HELD_STORE, WindowedMentionCounter.heldKey(m, 0), m);
        }
        List<MentionWindow> all = reader.windows("MD", H2, null, 0);
        assertEquals(List.of(H2, H3, H4), all.stream().map(MentionWindow::windowStart).toList());
        assertEquals(List.of(3, 1, 1), all.stream().map(MentionWindow::articles).toList(),
                "the held article joins its open window, or opens one of its own; RO's is not MD's");
        assertEquals(H4.plusSeconds(3600), all.get(2).windowEnd());
        assertEquals(List.of(H3), reader.windows("MD", H3, H4, 0).stream().map(MentionWindow::windowStart).toList());
    }

    private static CountingSignal.Mention held(String country, String id, Instant window) {
        return new CountingSignal.Mention(country, id, List.of(window.toEpochMilli()), 3_600_000L, 1, "t", "u",
                window.plusSeconds(60), null, false, false, List.of(), List.of(), 0, window.toEpochMilli());
    }

    @Test
    void countsTakeWindowsStartingInFromInclusiveToExclusive() {
        windows();
        assertEquals(List.of(H1, H2), reader.windows("MD", H1, H3, 0).stream().map(MentionWindow::windowStart).toList());
        assertEquals(List.of(H1), reader.windows("MD", H0.plusSeconds(1), H2, 0).stream().map(MentionWindow::windowStart).toList());
        assertEquals(List.of(), reader.windows("MD", H3.plusSeconds(1), null, 0));
        assertEquals(List.of(), reader.windows("DE", Instant.EPOCH, null, 0));
    }

    @Test
    void aWindowSeenOpenAndClosedIsReportedClosed() {
        windows();
        stores.put(WindowedMentionCounter.STORE, openKey(H1, "MD"), open("MD", H1, "x"));
        MentionWindow h1 = reader.windows("MD", H1, H2, 0).get(0);
        assertTrue(h1.isFinal());
        assertEquals(7, h1.articles());
    }

    @Test
    void alertsAreNewestFirstAndLimited() {
        Alert old = alert("MD", H0, 0, Alert.Status.FIRING);
        Alert first = alert("MD", H1, 0, Alert.Status.FIRING);
        Alert update = alert("MD", H1, 1, Alert.Status.FIRING);
        Alert resolved = alert("MD", H1, 1, Alert.Status.RESOLVED);
        Alert other = alert("RO", H2, 0, Alert.Status.FIRING);
        for (Alert a : List.of(old, first, update, resolved, other)) {
            stores.put(AlertHistory.HISTORY_STORE, alertKey(a), a);
        }
        assertEquals(List.of(resolved, update, first, old), reader.alerts("MD", 10, 1));
        assertEquals(List.of(resolved, update), reader.alerts("MD", 2, 1));
        assertEquals(List.of(other), reader.alerts("RO", 10, 1));
    }

    @Test
    void incidentsOfOneCountryOrOfEveryHostedCountry() {
        Alert md = alert("MD", H1, 0, Alert.Status.FIRING);
        Alert ro = alert("RO", H0, 0, Alert.Status.FIRING);
        Alert ge = alert("GE", H2, 0, Alert.Status.FIRING);
        stores.put(AlertHistory.OPEN_STORE, "RO|threshold", ro).put(AlertHistory.OPEN_STORE, "MD|threshold", md)
                .put(AlertHistory.OPEN_STORE, "GE|threshold", ge);
        assertEquals(List.of(md), reader.incidents("MD", 3));
        assertEquals(List.of(ge, md, ro), reader.incidents(null, null));
    }

    @Test
    void incidentsFromSeveralInstancesAreMergedOncePerCountryAndRule() {
        Alert mdOld = alert("MD", H0, 0, Alert.Status.FIRING);
        Alert mdNew = alert("MD", H1, 0, Alert.Status.FIRING);
        Alert ro = alert("RO", H0, 0, Alert.Status.FIRING);
        Alert ge = alert("GE", H0, 0, Alert.Status.FIRING);
        assertEquals(List.of(ge, mdNew, ro), StoreReader.mergeIncidents(List.of(List.of(ro, mdOld), List.of(mdNew, ge))));
        assertEquals(List.of(ge, mdNew, ro), StoreReader.mergeIncidents(List.of(List.of(mdNew, ge), List.of(ro, mdOld))));
    }

    @Test
    void countsAnswerIsTheEventContractsJson() throws Exception {
        windows();
        Reply reply = new CountsResource(reader).answer("MD", 0,
                QueryRequest.of(java.net.URI.create("/countries/MD/counts?from=2024-10-18T13:00:00Z"), false));
        assertEquals(200, reply.status());
        JsonNode body = Json.mapper().readTree(reply.body());
        assertEquals("MD", body.get("country").asText());
        assertEquals("2024-10-18T13:00:00Z", body.get("from").asText());
        assertFalse(body.has("to"), "an absent bound is left out, not null");
        JsonNode first = body.get("windows").get(0);
        assertEquals("2024-10-18T13:00:00Z", first.get("window_start").asText());
        assertEquals(7, first.get("articles").asInt());
        assertTrue(first.get("final").asBoolean());
        assertEquals(3, body.get("windows").size());
    }

    @Test
    void errorsAreJsonWithRetryAfterWhenUnavailable() throws Exception {
        Reply reply = Reply.error(503, "rebalancing");
        assertEquals("rebalancing", Json.mapper().readTree(reply.body()).get("error").asText());
        assertEquals("2", reply.headers().get("Retry-After"));
        assertFalse(Reply.error(400, "bad").headers().containsKey("Retry-After"));
    }
}
