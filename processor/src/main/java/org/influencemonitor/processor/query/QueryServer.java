package org.influencemonitor.processor.query;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The processor's query API: JSON over HTTP, answered from Kafka Streams interactive queries on the
 * window, alert and incident stores (see {@code docs/query-api.md}).
 *
 * <p>With several instances each runs its own server, and {@code host:port} must be what the instance
 * advertises as {@code application.server}: that is how an instance recognises itself among the owners
 * Kafka Streams reports, and where the others forward the requests for countries it owns. The API has no
 * authentication, so a server advertised as a loopback name ({@code localhost}) listens on loopback only;
 * under any other name it listens on every interface, for the other instances to reach it.
 */
public final class QueryServer implements AutoCloseable {
    /** Marks a request another instance forwarded: answer it here, never forward it again. */
    public static final String FORWARDED_HEADER = "X-Influence-Monitor-Forwarded";
    /** On every data answer: {@code host:port} of the instance whose stores it was read from. */
    public static final String SERVED_BY_HEADER = "X-Influence-Monitor-Served-By";

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Binds the server (port 0: any free port, see {@link #port()}); it answers once {@link #start()}ed.
     *
     * @param streams the instance's Kafka Streams, started or not
     * @param host    the host name other instances reach this one by, as in {@code application.server}
     * @param port    the port to listen on, as in {@code application.server}; 0 picks a free one (fine for
     *                a single instance, whose {@code application.server} then does not matter)
     */
    public QueryServer(KafkaStreams streams, String host, int port) throws IOException {
        this.server = HttpServer.create(bindAddress(host, port), 0);
        HostInfo self = new HostInfo(host, server.getAddress().getPort());
        Ownership ownership = new Ownership(streams, self);
        Router router = new Router(ownership, new Forwarder(self),
                new StoreReader(LocalStores.of(streams)), new HealthResource(streams, self));
        server.createContext("/", router);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "query-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
    }

    private static InetSocketAddress bindAddress(String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isLoopbackAddress()) {
                return new InetSocketAddress(address, port);
            }
        } catch (UnknownHostException e) {
            // Not resolvable here (yet): other instances may still resolve it; listen everywhere.
        }
        return new InetSocketAddress(port);
    }

    public void start() {
        server.start();
    }

    /** The port the server is bound to. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops answering: requests in progress are cut off, the process is shutting down anyway. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
