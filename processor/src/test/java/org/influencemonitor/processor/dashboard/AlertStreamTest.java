package org.influencemonitor.processor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.WebServer;
import org.influencemonitor.model.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live feed over a real Jetty server and real sockets, fed from an in-memory source of alerts. */
class AlertStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Source source = new Source();
    private AlertStream stream;
    private WebServer server;

    private void start(int maxClients, Duration heartbeat) throws Exception {
        stream = new AlertStream(source, maxClients, heartbeat, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return false;
            }
        });
        server = new WebServer("sse-test", HttpServerSettings.plain("127.0.0.1", 0), stream);
        server.start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsTheLatestAlertsThenEachNewOne() throws Exception {
        source.recent.add(alert("MD", "<script>alert(1)</script>", 0));
        start(4, Duration.ofSeconds(10));
        try (Socket socket = open(); BufferedReader in = reader(socket)) {
            assertTrue(readHeaders(in).contains("content-type: text/event-stream"));
            List<String> first = readEvent(in);
            assertEquals("event: alert", first.get(1));
            assertTrue(first.get(2).startsWith("data: {") && first.get(2).contains("\"country\":\"MD\""), first.toString());
            awaitTrue(() -> stream.clients() == 1, "the client is registered");
            source.publish(alert("GE", "Georgia", 1));
            List<String> next = readEvent(in);
            assertTrue(next.get(0).startsWith("id: ") && next.get(0).endsWith(":1:firing"), next.toString());
            assertTrue(next.get(2).contains("\"country\":\"GE\""), next.toString());
        }
    }

    @Test
    void refusesClientsBeyondTheLimitAndForgetsThoseThatLeave() throws Exception {
        start(1, Duration.ofMillis(200));
        Socket first = open();
        BufferedReader in = reader(first);
        readHeaders(in);
        awaitTrue(() -> stream.clients() == 1, "the first client is registered");
        try (Socket second = open(); BufferedReader refused = reader(second)) {
            assertTrue(readHeaders(refused).startsWith("http/1.1 503"), "a second client is refused");
        }
        first.close();
        // The heartbeat's next write fails on the closed connection.
        awaitTrue(() -> stream.clients() == 0, "the closed client is forgotten");
    }

    @Test
    void disconnectsAClientThatDoesNotRead() throws Exception {
        start(4, Duration.ofSeconds(10));
        try (Socket stalled = open()) {
            stalled.setReceiveBufferSize(4096);
            awaitTrue(() -> stream.clients() == 1, "the client is registered");
            String big = "x".repeat(16 * 1024);
            for (int i = 0; i < 5000 && stream.clients() > 0; i++) {
                source.publish(alert("MD", big, i));
            }
            awaitTrue(() -> stream.clients() == 0, "a client that reads nothing is dropped once its queue is full");
        }
    }

    private Socket open() throws Exception {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + AlertStream.PATH + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The status line and headers, lower-cased. */
    private static String readHeaders(BufferedReader in) throws Exception {
        StringBuilder head = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line.toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        return head.toString();
    }

    /** The next event's lines (id, event, data), skipping comments, the retry hint and chunk sizes. */
    private static List<String> readEvent(BufferedReader in) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("id:") || line.startsWith("event:") || line.startsWith("data:")) {
                lines.add(line);
            } else if (line.isEmpty() && lines.size() == 3) {
                return lines;
            }
        }
        throw new AssertionError("the stream ended before a whole event: " + lines);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static Alert alert(String country, String title, int update) {
        Instant start = Instant.parse("2024-10-18T14:00:00Z");
        return new Alert(1, "id-" + country, "threshold", country, start, start.plusSeconds(3600), 10, 10,
                Alert.Severity.WARNING, Alert.Status.FIRING, List.of(new Alert.Evidence("a1", title, "https://example.org/1")),
                Instant.now(), 1.0, null, "summary", start, update, List.of(), List.of(), null);
    }

    private static final class Source implements AlertSource {
        final List<Alert> recent = new ArrayList<>();
        final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public List<Alert> recent() {
            return List.copyOf(recent);
        }

        @Override
        public void listen(Consumer<Alert> listener) {
            listeners.add(listener);
        }

        void publish(Alert alert) {
            listeners.forEach(l -> l.accept(alert));
        }
    }
}
