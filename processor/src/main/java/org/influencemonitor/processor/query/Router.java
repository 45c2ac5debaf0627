package org.influencemonitor.processor.query;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.influencemonitor.processor.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches each request to its resource and answers it, independent of the HTTP server. A country's resources are answered
 * here when this instance owns the country and forwarded to the owner otherwise; a request that was
 * itself forwarded is always answered here, so a stale view of the assignment cannot make a loop.
 */
final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Ownership ownership;
    private final Forwarder forwarder;
    private final Map<String, CountryResource> countryResources;
    private final IncidentsResource incidents;
    private final HealthResource health;
    private final String servedBy;
    private final MapResource map;
    private final ElectionsResource elections;
    private final ArticleResource articles;
    private final CoverageResource coverage;

    Router(Ownership ownership, Forwarder forwarder, StoreReader reader, HealthResource health) {
        this(ownership, forwarder, reader, health, null);
    }

    /** With {@code dashboard} (null for none), also the dashboard's resources: map, baseline, elections, articles. */
    Router(Ownership ownership, Forwarder forwarder, StoreReader reader, HealthResource health, DashboardSources dashboard) {
        this.ownership = ownership;
        this.forwarder = forwarder;
        Gathering gathering = new Gathering(ownership, forwarder);
        this.incidents = new IncidentsResource(reader, gathering);
        this.coverage = new CoverageResource(reader, gathering);
        Map<String, CountryResource> resources = new java.util.HashMap<>(Map.of(
                "counts", new CountsResource(reader),
                "alerts", new AlertsResource(reader),
                "incidents", incidents));
        if (dashboard != null) {
            BaselineBands bands = new BaselineBands(
                    new RuleEngine(dashboard.config().rules(), dashboard.config().calendar()), dashboard.config().windows());
            resources.put("baseline", new BaselineResource(reader, bands));
            this.map = new MapResource(reader, bands, dashboard.config().windows(), gathering);
            this.elections = new ElectionsResource(dashboard.config().calendar());
            this.articles = new ArticleResource(dashboard.articles());
        } else {
            this.map = null;
            this.elections = null;
            this.articles = null;
        }
        this.countryResources = Map.copyOf(resources);
        this.health = health;
        this.servedBy = ownership.self().host() + ":" + ownership.self().port();
    }

    /** The answer to {@code method uri}; never throws. */
    Reply answer(String method, URI uri, boolean forwarded) {
        try {
            return route(method, uri, forwarded);
        } catch (QueryException e) {
            return e.reply();
        } catch (InvalidStateStoreException e) {
            return Reply.error(503, "state stores are not queryable right now (starting, rebalancing or restoring): "
                    + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Query {} failed", uri, e);
            return Reply.error(500, "internal error: " + e);
        }
    }

    private Reply route(String method, URI uri, boolean forwarded) {
        if (!"GET".equals(method)) {
            return new QueryException(405, "only GET is supported").reply().withHeader("Allow", "GET");
        }
        QueryRequest request = QueryRequest.of(uri, forwarded);
        List<String> path = request.segments();
        if (path.equals(List.of("health"))) {
            return health.liveness(request);
        }
        if (path.equals(List.of("ready"))) {
            return health.readiness(request);
        }
        if (path.equals(List.of("incidents"))) {
            return incidents.all(request).withHeader(QueryServer.SERVED_BY_HEADER, servedBy);
        }
        if (path.equals(List.of("coverage"))) {
            return coverage.answer(request).withHeader(QueryServer.SERVED_BY_HEADER, servedBy);
        }
        if (map != null && path.equals(List.of("map"))) {
            return map.answer(request).withHeader(QueryServer.SERVED_BY_HEADER, servedBy);
        }
        if (elections != null && path.equals(List.of("elections"))) {
            return elections.answer(request);
        }
        if (articles != null && path.size() == 2 && path.get(0).equals("articles")) {
            return articles.answer(path.get(1), request).withHeader(QueryServer.SERVED_BY_HEADER, servedBy);
        }
        if (path.size() == 3 && path.get(0).equals("countries") && countryResources.containsKey(path.get(2))) {
            return country(QueryRequest.country(path.get(1)), countryResources.get(path.get(2)), request);
        }
        throw QueryException.notFound("no such resource: " + uri.getRawPath()
                + " (try /countries/{CC}/counts, /countries/{CC}/alerts, /countries/{CC}/incidents, /incidents, /coverage, /health, /ready)");
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
}
