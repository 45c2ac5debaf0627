package org.influencemonitor.processor.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.influencemonitor.processor.rules.CountryState;

/**
 * {@code /countries/{CC}/baseline?from=&to=}: per window, what the spike rule expects and the count at which
 * it fires, for the dashboard's timelines. From the country's rule state as it stands now: the expectation
 * for a past window is today's for that hour of day, not the one the rule held then (an alert carries that
 * one in {@code expected} and {@code threshold}).
 */
final class BaselineResource implements CountryResource {
    record Baseline(String country, Instant from, Instant to, List<BaselineBands.Point> windows) {
    }

    private final StoreReader reader;
    private final BaselineBands bands;

    BaselineResource(StoreReader reader, BaselineBands bands) {
        this.reader = reader;
        this.bands = bands;
    }

    @Override
    public void validate(QueryRequest request) {
        request.allowOnly(Set.of("from", "to"));
        request.range();
    }

    @Override
    public Reply answer(String country, int partition, QueryRequest request) {
        validate(request);
        Instant from = request.range().from();
        Instant to = request.range().to();
        Optional<CountryState> state = reader.countryState(country, partition);
        List<BaselineBands.Point> points = state.map(s -> bands.over(s, from == null ? Instant.EPOCH : from,
                to == null ? bands.openEnd(s) : to)).orElse(List.of());
        return Reply.json(new Baseline(country, from, to, points));
    }
}
