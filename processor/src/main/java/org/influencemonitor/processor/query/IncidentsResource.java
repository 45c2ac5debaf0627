package org.influencemonitor.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.influencemonitor.model.Alert;

/**
 * Open incidents: {@code /countries/{CC}/incidents} from the country's owner, and {@code /incidents}
 * gathered from every instance (each answers a forwarded {@code /incidents} from its own stores only).
 * If any instance cannot answer, the whole answer is 503 (see {@link Gathering}).
 */
final class IncidentsResource implements CountryResource {
    record Incidents(String country, List<Alert> incidents) {
    }

    private final StoreReader reader;
    private final Gathering gathering;

    IncidentsResource(StoreReader reader, Gathering gathering) {
        this.reader = reader;
        this.gathering = gathering;
    }

    @Override
    public void validate(QueryRequest request) {
        request.allowOnly(Set.of());
    }

    @Override
    public Reply answer(String country, int partition, QueryRequest request) {
        validate(request);
        return Reply.json(new Incidents(country, reader.incidents(country, partition)));
    }

    /** {@code /incidents}: this instance's, plus (unless forwarded) every other instance's. */
    Reply all(QueryRequest request) {
        validate(request);
        if (request.forwarded()) {
            return Reply.json(new Incidents(null, reader.incidents(null, null)));
        }
        List<List<Alert>> parts = new ArrayList<>();
        parts.add(reader.incidents(null, null));
        for (Incidents other : gathering.fromOthers("/incidents", Incidents.class, "incidents")) {
            if (other.incidents() == null) {
                throw QueryException.unavailable("an instance answered incidents without an incidents field");
            }
            parts.add(other.incidents());
        }
        return Reply.json(new Incidents(null, StoreReader.mergeIncidents(parts)));
    }
}
