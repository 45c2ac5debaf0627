package org.influencemonitor.processor.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;

/**
 * {@code GET /alerts/stream}: the live alert feed as server-sent events ({@code event: alert}, the alert's
 * JSON as {@code data}), starting with the latest alerts read. No thread waits on a client: each write is
 * Jetty's asynchronous write, the next one starts from the previous one's callback, and a client is a queue
 * of at most {@link #MAX_QUEUED} events. A client that falls that far behind is disconnected (its browser
 * reconnects and gets the latest alerts again), and at most {@code maxClients} are served at once. A comment
 * line every {@link #HEARTBEAT} keeps the connection inside the server's idle timeout and finds clients
 * that have gone.
 */
public final class AlertStream extends Handler.Wrapper implements AutoCloseable {
    public static final String PATH = "/alerts/stream";
    static final int MAX_QUEUED = 256;
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final ByteBuffer PING = StandardCharsets.UTF_8.encode(": keep-alive\n\n").asReadOnlyBuffer();

    private final AlertSource feed;
    private final int maxClients;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public AlertStream(AlertFeed feed, int maxClients, Handler next) {
        this(feed, maxClients, HEARTBEAT, next);
    }

    AlertStream(AlertSource feed, int maxClients, Duration heartbeatEvery, Handler next) {
        super(next);
        this.feed = feed;
        this.maxClients = maxClients;
        feed.listen(this::publish);
        heartbeat.scheduleAtFixedRate(() -> clients.forEach(c -> c.offer(PING.duplicate())),
                heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        if (!"GET".equals(request.getMethod())) {
            return answer(response, callback, 405, "{\"error\":\"only GET is supported\"}");
        }
        if (clients.size() >= maxClients) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "10");
            return answer(response, callback, 503, "{\"error\":\"too many live feed clients (" + maxClients + ")\"}");
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        Client client = new Client(response, callback);
        clients.add(client);
        client.offer(StandardCharsets.UTF_8.encode("retry: 3000\n\n"));
        for (Alert alert : feed.recent()) {
            client.offer(event(alert));
        }
        return true;
    }

    private static boolean answer(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, json, callback);
        return true;
    }

    private void publish(Alert alert) {
        if (clients.isEmpty()) {
            return;
        }
        ByteBuffer event = event(alert);
        clients.forEach(c -> c.offer(event.duplicate()));
    }

    static ByteBuffer event(Alert alert) {
        try {
            // Jackson writes JSON on one line, so the data is one "data:" line.
            String json = Json.mapper().writeValueAsString(alert);
            String id = alert.alertId() + ":" + (alert.update() == null ? 0 : alert.update()) + ":" + alert.status().wireName();
            return StandardCharsets.UTF_8.encode("id: " + id + "\nevent: alert\ndata: " + json + "\n\n").asReadOnlyBuffer();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an alert as JSON: " + e.getMessage(), e);
        }
    }

    /** Ends every stream (so that a stopping server need not wait for them) and the heartbeat. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.forEach(Client::finish);
    }

    /** One connected browser: its pending events, written one at a time. */
    private final class Client {
        private final Response response;
        private final Callback done;
        private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        private boolean writing;
        private boolean over;
        private boolean completed;

        Client(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        synchronized void offer(ByteBuffer event) {
            if (over) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                finish();
                return;
            }
            queue.addLast(event);
            if (!writing) {
                writeNext();
            }
        }

        private void writeNext() {
            ByteBuffer next = queue.pollFirst();
            if (next == null) {
                writing = false;
                return;
            }
            writing = true;
            response.write(false, next, Callback.from(this::written, this::failed));
        }

        private synchronized void written() {
            if (over) {
                end();
            } else {
                writeNext();
            }
        }

        private synchronized void failed(Throwable cause) {
            over = true;
            clients.remove(this);
            queue.clear();
            if (!completed) {
                completed = true;
                done.failed(cause);
            }
        }

        /** No more events: the response ends once the write in flight, if any, is done. */
        synchronized void finish() {
            if (!over) {
                over = true;
                clients.remove(this);
                queue.clear();
                if (!writing) {
                    end();
                }
            }
        }

        private void end() {
            writing = false;
            if (!completed) {
                completed = true;
                response.write(true, ByteBuffer.allocate(0), done);
            }
        }
    }
}
