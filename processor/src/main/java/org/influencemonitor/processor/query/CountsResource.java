package org.influencemonitor.processor.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.influencemonitor.model.MentionWindow;

/**
 * {@code /countries/{CC}/counts?from=&to=}: the country's windows, closed and open, whose start is in
 * [from, to), by start. Without {@code from} from the oldest window kept, without {@code to} up to the
 * newest: every window the processor still holds (the history retention, 30 days by default).
 */
final class CountsResource implements CountryResource {
    record Counts(String country, Instant from, Instant to, List<MentionWindow> windows) {
    }

    private final StoreReader reader;

    CountsResource(StoreReader reader) {
        this.reader = reader;
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
        List<MentionWindow> windows = reader.windows(country, from == null ? Instant.EPOCH : from, to, partition);
        return Reply.json(new Counts(country, from, to, windows));
    }
}
