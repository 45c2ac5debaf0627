package org.influencemonitor.sink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.influencemonitor.model.Json;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}, which {@code .ci/run}
 * installs) on a free loopback port, clustering off, storage in a temporary directory, with a short
 * {@code resolve_timeout}. {@link #find()} is empty where the binary is not installed.
 */
public final class AlertmanagerProcess implements AutoCloseable {
    public static final List<Path> BINARIES = List.of(Path.of("/usr/bin/prometheus-alertmanager"),
            Path.of("/usr/bin/alertmanager"), Path.of("/usr/local/bin/alertmanager"));

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private AlertmanagerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Optional<Path> binary() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts one in {@code dir}, with {@code resolveTimeout} in its global config, and waits until it is ready. */
    public static AlertmanagerProcess start(Path binary, Path dir, Duration resolveTimeout) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                global:
                  resolve_timeout: %ds
                route:
                  receiver: nobody
                  group_wait: 1s
                receivers:
                  - name: nobody
                """.formatted(resolveTimeout.toSeconds()));
        int port = freePort();
        Path log = dir.resolve("alertmanager.log");
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, port, log);
        am.awaitReady(Duration.ofSeconds(30));
        return am;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("alertmanager exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url().resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("alertmanager not ready within " + timeout + ": " + Files.readString(log));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code GET /api/v2/alerts}: the alerts it holds as active (not resolved, not silenced). */
    public JsonNode activeAlerts() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url().resolve("/api/v2/alerts?active=true&silenced=false&inhibited=false"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v2/alerts: HTTP " + r.statusCode() + " " + r.body());
        }
        return Json.mapper().readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
