package org.influencemonitor.processor.query;

import java.util.List;
import java.util.Set;
import org.influencemonitor.model.Alert;

/** {@code /countries/{CC}/alerts?limit=N}: the country's latest alert events, newest first. */
final class AlertsResource implements CountryResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    record Alerts(String country, List<Alert> alerts) {
    }

    private final StoreReader reader;

    AlertsResource(StoreReader reader) {
        this.reader = reader;
    }

    @Override
    public void validate(QueryRequest request) {
        request.allowOnly(Set.of("limit"));
        request.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
    }

    @Override
    public Reply answer(String country, int partition, QueryRequest request) {
        validate(request);
        int limit = request.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
        return Reply.json(new Alerts(country, reader.alerts(country, limit, partition)));
    }
}
