package org.influencemonitor.processor.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;

/**
 * Open incidents: {@code /countries/{CC}/incidents} from the country's owner, and {@code /incidents}
 * gathered from every instance (each answers a forwarded {@code /incidents} from its own stores only).
 * If any instance cannot answer, the whole answer is 503: a partial list would look like resolved incidents.
 */
final class IncidentsResource implements CountryResource {
    record Incidents(String country, List<Alert> incidents) {
    }

    private final StoreReader reader;
    private final Ownership ownership;
    private final Forwarder forwarder;

    IncidentsResource(StoreReader reader, Ownership ownership, Forwarder forwarder) {
        this.reader = reader;
        this.ownership = ownership;
        this.forwarder = forwarder;
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
        List<HostInfo> others = ownership.others();
        List<CompletableFuture<Reply>> asked = new ArrayList<>();
        for (HostInfo other : others) {
            asked.add(forwarder.send(other, "/incidents"));
        }
        List<List<Alert>> parts = new ArrayList<>();
        parts.add(reader.incidents(null, null));
        for (int i = 0; i < others.size(); i++) {
            Reply reply = asked.get(i).join();
            HostInfo other = others.get(i);
            if (reply.status() != 200) {
                throw QueryException.unavailable("instance " + other.host() + ":" + other.port()
                        + " could not list its incidents: " + errorOf(reply));
            }
            parts.add(read(reply, other).incidents());
        }
        return Reply.json(new Incidents(null, StoreReader.mergeIncidents(parts)));
    }

    private static Incidents read(Reply reply, HostInfo from) {
        try {
            Incidents incidents = Json.mapper().readValue(reply.body(), Incidents.class);
            if (incidents.incidents() == null) {
                throw new IOException("no incidents field");
            }
            return incidents;
        } catch (IOException e) {
            throw QueryException.unavailable("instance " + from.host() + ":" + from.port()
                    + " answered something other than incidents: " + e.getMessage());
        }
    }

    private static String errorOf(Reply reply) {
        try {
            return Json.mapper().readTree(reply.body()).path("error").asText("status " + reply.status());
        } catch (IOException e) {
            return "status " + reply.status();
        }
    }
}
