package org.influencemonitor.ingest.push;

import java.io.IOException;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.WebServer;
import org.influencemonitor.ingest.Intake;

/**
 * {@code monitor ingest http}: the push endpoint on the project's one {@link WebServer} setup (timeouts,
 * connection limit, bearer token, TLS), in front of an {@link Intake}. With a token configured every
 * request but {@code /health} must carry it.
 */
public final class PushServer implements AutoCloseable {
    /** The default largest body: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** The default largest number of pushed records waiting for Kafka at once. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

    private final WebServer server;
    private final PushHandler handler;

    public PushServer(Intake intake, HttpServerSettings settings, long maxBodyBytes, int maxInFlight) throws IOException {
        if (maxBodyBytes < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("the body limit and the in-flight limit must be positive");
        }
        this.handler = new PushHandler(intake, maxBodyBytes, maxInFlight);
        this.server = new WebServer("ingest-http", settings, handler);
    }

    public void start() throws IOException {
        server.start();
    }

    public int port() {
        return server.port();
    }

    public String scheme() {
        return server.scheme();
    }

    /** Pushed records waiting for Kafka. */
    public int recordsInFlight() {
        return handler.recordsInFlight();
    }

    /** Stops taking pushes; those in progress get the server's stop timeout to be answered. */
    @Override
    public void close() {
        server.close();
    }
}
