package org.influencemonitor.processor.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches each request to its resource and writes the answer. A country's resources are answered
 * here when this instance owns the country and forwarded to the owner otherwise; a request that was
 * itself forwarded is always answered here, so a stale view of the assignment cannot make a loop.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Ownership ownership;
    private final Forwarder forwarder;
    private final Map<String, CountryResource> countryResources;
    private final IncidentsResource incidents;
    private final HealthResource health;
    private final String servedBy;

    Router(Ownership ownership, Forwarder forwarder, StoreReader reader, HealthResource health) {
        this.ownership = ownership;
        this.forwarder = forwarder;
        this.incidents = new IncidentsResource(reader, ownership, forwarder);
        this.countryResources = Map.of(
                "counts", new CountsResource(reader),
                "alerts", new AlertsResource(reader),
                "incidents", incidents);
        this.health = health;
        this.servedBy = ownership.self().host() + ":" + ownership.self().port();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = route(exchange);
        } catch (QueryException e) {
            reply = e.reply();
        } catch (InvalidStateStoreException e) {
            reply = Reply.error(503, "state stores are not queryable right now (starting, rebalancing or restoring): "
                    + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Query {} failed", exchange.getRequestURI(), e);
            reply = Reply.error(500, "internal error: " + e);
        }
        write(exchange, reply);
    }

    private Reply route(HttpExchange exchange) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return new QueryException(405, "only GET is supported").reply().withHeader("Allow", "GET");
        }
        boolean forwarded = exchange.getRequestHeaders().containsKey(QueryServer.FORWARDED_HEADER);
        QueryRequest request = QueryRequest.of(exchange.getRequestURI(), forwarded);
        List<String> path = request.segments();
        if (path.equals(List.of("health"))) {
            return health.answer(request);
        }
        if (path.equals(List.of("incidents"))) {
            return incidents.all(request).withHeader(QueryServer.SERVED_BY_HEADER, servedBy);
        }
        if (path.size() == 3 && path.get(0).equals("countries") && countryResources.containsKey(path.get(2))) {
            return country(QueryRequest.country(path.get(1)), countryResources.get(path.get(2)), request);
        }
        throw QueryException.notFound("no such resource: " + exchange.getRequestURI().getRawPath()
                + " (try /countries/{CC}/counts, /countries/{CC}/alerts, /countries/{CC}/incidents, /incidents, /health)");
    }

    private Reply country(String country, CountryResource resource, QueryRequest request) {
        resource.validate(request);
        Ownership.Owner owner = ownership.of(country);
        if (owner.local()) {
            return resource.answer(country, owner.partition(), request).withHeader(QueryServer.SERVED_BY_HEADER, servedBy);
        }
        if (request.forwarded()) {
            throw QueryException.unavailable(country + " is now owned by " + owner.host().host() + ":"
                    + owner.host().port() + ", not by this instance (the assignment is changing)");
        }
        return forwarder.forward(owner.host(), request.pathAndQuery());
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } finally {
            exchange.close();
        }
    }
}
