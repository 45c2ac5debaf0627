package org.influencemonitor.telemetry;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.WebServer;

/**
 * {@code /metrics} and {@code /health} for a component that serves nothing else (ingest, sink), on the
 * project's one {@link WebServer} setup, so the same token, TLS and limits apply as on the query API.
 * {@code /health} is liveness: 200 while {@code alive} says so, 503 after.
 */
public final class TelemetryServer implements AutoCloseable {
    private final WebServer server;

    public TelemetryServer(String component, Telemetry telemetry, HttpServerSettings settings, BooleanSupplier alive)
            throws IOException {
        this.server = new WebServer(component + "-metrics", settings, new MetricsHandler(telemetry, new Health(alive)));
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

    @Override
    public void close() {
        server.close();
    }

    private static final class Health extends Handler.Abstract {
        private final BooleanSupplier alive;

        Health(BooleanSupplier alive) {
            this.alive = alive;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            if (!"/health".equals(path)) {
                response.setStatus(404);
                Content.Sink.write(response, true, "{\"error\":\"no such resource: try /metrics or /health\"}", callback);
                return true;
            }
            boolean up = alive.getAsBoolean();
            response.setStatus(up ? 200 : 503);
            Content.Sink.write(response, true, up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}", callback);
            return true;
        }
    }
}
