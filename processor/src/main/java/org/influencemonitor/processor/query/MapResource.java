package org.influencemonitor.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.processor.rules.CountryState;
import org.influencemonitor.processor.windows.EventWindows;

/**
 * {@code /map?from=&to=}: every country's relevant articles in windows starting in [from, to), the largest
 * window, what the spike rule expected over the same windows, and its open incidents, for the dashboard's
 * map. Each instance answers for the countries it owns; the one asked gathers the others' (as
 * {@code /incidents} does). Counts add up the rules' tumbling series only, so hopping windows do not count
 * an article twice.
 */
final class MapResource {
    record Incident(String rule, Alert.Severity severity, Instant windowStart) {
    }

    record CountryView(String country, int articles, int peak, Double expected, Instant newestWindowEnd,
                       List<Incident> incidents) {
    }

    record CountryMap(Instant from, Instant to, List<CountryView> countries) {
    }

    private final StoreReader reader;
    private final BaselineBands bands;
    private final EventWindows windows;
    private final Gathering gathering;

    MapResource(StoreReader reader, BaselineBands bands, EventWindows windows, Gathering gathering) {
        this.reader = reader;
        this.bands = bands;
        this.windows = windows;
        this.gathering = gathering;
    }

    Reply answer(QueryRequest request) {
        request.allowOnly(Set.of("from", "to"));
        Instant from = request.range().from();
        Instant to = request.range().to();
        Map<String, CountryView> byCountry = new TreeMap<>();
        local(from, to).forEach(view -> byCountry.put(view.country(), view));
        if (!request.forwarded()) {
            for (CountryMap other : gathering.fromOthers(request.pathAndQuery(), CountryMap.class, "countries")) {
                // A country reported twice moved between instances while they were asked: the fuller view wins.
                other.countries().forEach(view -> byCountry.merge(view.country(), view,
                        (a, b) -> a.articles() >= b.articles() ? a : b));
            }
        }
        return Reply.json(new CountryMap(from, to, List.copyOf(byCountry.values())));
    }

    private List<CountryView> local(Instant from, Instant to) {
        List<CountryView> views = new ArrayList<>();
        for (CountryState state : reader.countryStates()) {
            String country = state.country();
            int articles = 0;
            int peak = 0;
            Instant newest = null;
            for (MentionWindow w : reader.windows(country, from == null ? Instant.EPOCH : from, to, null)) {
                if (!windows.inRuleSeries(w.windowStart().toEpochMilli())) {
                    continue;
                }
                articles += w.articles();
                peak = Math.max(peak, w.articles());
                newest = newest == null || w.windowEnd().isAfter(newest) ? w.windowEnd() : newest;
            }
            List<Incident> incidents = reader.incidents(country, null).stream()
                    .map(a -> new Incident(a.rule(), a.severity(), a.windowStart()))
                    .sorted(Comparator.comparing(Incident::rule)).toList();
            if (articles == 0 && incidents.isEmpty()) {
                continue;
            }
            Instant end = to != null ? to : newest;
            Double expected = null;
            if (end != null) {
                List<BaselineBands.Point> band = bands.over(state, from == null ? Instant.EPOCH : from, end);
                expected = band.isEmpty() ? null : band.stream().mapToDouble(BaselineBands.Point::expected).sum();
            }
            views.add(new CountryView(country, articles, peak, expected, newest, incidents));
        }
        return views;
    }
}
