package org.influencemonitor.telemetry;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the component's meters for Prometheus. Declines every other path, so that it can
 * sit in front of a component's own handler (the query API) or of {@link TelemetryServer}'s health answer.
 */
public final class MetricsHandler extends Handler.Wrapper {
    public static final String PATH = "/metrics";
    /** Prometheus' text exposition format, which every Prometheus since 2.0 scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Telemetry telemetry;

    public MetricsHandler(Telemetry telemetry, Handler next) {
        super(next);
        this.telemetry = telemetry;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setStatus(405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            Content.Sink.write(response, true, "{\"error\":\"only GET is supported\"}", callback);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, StandardCharsets.UTF_8.encode(telemetry.scrape()), callback);
        return true;
    }
}
