package org.influencemonitor.app;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.telemetry.Telemetry;
import org.influencemonitor.telemetry.TelemetryServer;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port} for the components that serve no other HTTP (ingest, sink): their own
 * {@code /metrics} and {@code /health}. The processor serves both on its query API's port instead.
 */
public final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus) and /health on this port, 0 for a free one (default: none).")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the metrics server listens on; 0.0.0.0 for every interface, e.g. in a container "
                    + "scraped from another (default: ${DEFAULT-VALUE}).")
    String bind;

    /** The started server, when {@code --metrics-port} was given; the caller closes it. */
    public Optional<TelemetryServer> serve(String component, Telemetry telemetry, BooleanSupplier alive) {
        if (port == null) {
            return Optional.empty();
        }
        if (port < 0 || port > 65535) {
            throw new UserError("--metrics-port must be from 0 to 65535, got " + port);
        }
        try {
            TelemetryServer server = new TelemetryServer(component, telemetry,
                    HttpServerSettings.plain("0.0.0.0".equals(bind) ? null : bind, port), alive);
            server.start();
            System.out.println("Metrics on " + server.scheme() + "://" + bind + ":" + server.port() + "/metrics");
            return Optional.of(server);
        } catch (IOException e) {
            throw new UserError("cannot serve metrics on port " + port + ": " + e.getMessage());
        }
    }
}
