package org.influencemonitor.processor.query;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.server.Handler;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.WebServer;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.health.ProcessorHealth;
import org.influencemonitor.processor.health.StreamsProbe;
import org.influencemonitor.processor.dashboard.Dashboard;
import org.influencemonitor.telemetry.MetricsHandler;
import org.influencemonitor.telemetry.Telemetry;

/**
 * The processor's query API: JSON over HTTP, answered from Kafka Streams interactive queries on the
 * window, alert and incident stores (see {@code docs/query-api.md}), served by the project's one
 * {@link WebServer} setup (timeouts, a connection limit, optional bearer token and TLS).
 *
 * <p>With several instances each runs its own server, and {@code host:port} must be what the instance
 * advertises as {@code application.server}: that is how an instance recognises itself among the owners
 * Kafka Streams reports, and where the others forward the requests for countries it owns, with the same
 * token and over the same scheme.
 */
public final class QueryServer implements AutoCloseable {
    /** Marks a request another instance forwarded: answer it here, never forward it again. */
    public static final String FORWARDED_HEADER = "X-Influence-Monitor-Forwarded";
    /** On every data answer: {@code host:port} of the instance whose stores it was read from. */
    public static final String SERVED_BY_HEADER = "X-Influence-Monitor-Served-By";

    private final WebServer server;
    private final Dashboard dashboard;

    /** As {@link #QueryServer(KafkaStreams, String, HttpServerSettings)}, plain HTTP on {@link #settingsFor}. */
    public QueryServer(KafkaStreams streams, String host, int port) throws IOException {
        this(streams, host, settingsFor(host, port));
    }

    /**
     * Binds the server (port 0: any free port, see {@link #port()}); it answers once {@link #start()}ed.
     *
     * @param streams  the instance's Kafka Streams, started or not
     * @param host     the host name other instances reach this one by, as in {@code application.server}
     * @param settings where to listen and how; its port is the one in {@code application.server} (0 picks a
     *                 free one, fine for a single instance, whose {@code application.server} does not matter)
     */
    public QueryServer(KafkaStreams streams, String host, HttpServerSettings settings) throws IOException {
        this(streams, host, settings, null, null);
    }

    /**
     * As {@link #QueryServer(KafkaStreams, String, HttpServerSettings)}, also serving {@code /metrics} from
     * {@code telemetry} and the {@code dashboard} (each null for none). The dashboard's page and assets are
     * public even with a token, since a browser loads them before it can send one; its data is not.
     */
    public QueryServer(KafkaStreams streams, String host, HttpServerSettings settings, Telemetry telemetry,
                       Dashboard dashboard) throws IOException {
        this(streams, ProcessorHealth.defaults(), host, settings, telemetry, dashboard);
    }

    /**
     * As above, answering {@code /health} and {@code /ready} with {@code health}, which the processor's
     * uncaught-exception handler tells of failed stream threads ({@link ProcessorService#health()}).
     */
    public QueryServer(ProcessorService service, String host, HttpServerSettings settings, Telemetry telemetry,
                       Dashboard dashboard) throws IOException {
        this(service.streams(), service.health(), host, settings, telemetry, dashboard);
    }

    private QueryServer(KafkaStreams streams, ProcessorHealth health, String host, HttpServerSettings settings,
                        Telemetry telemetry, Dashboard dashboard) throws IOException {
        QueryHandler api = new QueryHandler();
        Handler handler = dashboard == null ? api : dashboard.handler(api);
        if (telemetry != null) {
            handler = new MetricsHandler(telemetry, handler);
        }
        HttpServerSettings served = dashboard == null ? settings
                : settings.withPublicPaths(Dashboard.withPublicPaths(settings.publicPaths()));
        this.server = new WebServer("query-api", served, handler);
        this.dashboard = dashboard;
        HostInfo self = new HostInfo(host, server.port());
        Ownership ownership = new Ownership(streams, self);
        DashboardSources sources = dashboard == null ? null : new DashboardSources(dashboard.config(), dashboard::article);
        api.route(new Router(ownership, new Forwarder(self, settings),
                new StoreReader(LocalStores.of(streams)), new HealthResource(
                        new StreamsProbe(streams, Set.of(Topics.ARTICLES_RAW, Topics.MONITOR_CLOCK), Clock.systemUTC()), health, self), sources));
    }

    /**
     * Plain HTTP on {@code port}, listening on loopback only when {@code advertisedHost} is a loopback name
     * ({@code localhost}, a single instance) and on every interface otherwise, since the other instances
     * must reach it there.
     */
    public static HttpServerSettings settingsFor(String advertisedHost, int port) {
        return HttpServerSettings.plain(bindHostFor(advertisedHost), port);
    }

    /** The address to listen on for {@code advertisedHost}: itself if it is loopback, else every interface. */
    public static String bindHostFor(String advertisedHost) {
        try {
            InetAddress address = InetAddress.getByName(advertisedHost);
            if (address.isLoopbackAddress()) {
                return address.getHostAddress();
            }
        } catch (UnknownHostException e) {
            // Not resolvable here (yet): other instances may still resolve it; listen everywhere.
        }
        return null;
    }

    public void start() throws IOException {
        if (dashboard != null) {
            dashboard.start();
        }
        server.start();
    }

    /** The port the server is bound to. */
    public int port() {
        return server.port();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return server.scheme();
    }

    /** Stops answering: requests in progress get the server's stop timeout to finish. */
    @Override
    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
        server.close();
    }
}
