package org.influencemonitor.processor.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a request on to the instance that owns the data, marked as forwarded so that it is answered
 * there and never sent on again, and turns that instance's answer into this one's.
 */
final class Forwarder {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String origin;

    Forwarder(HostInfo self) {
        this.origin = self.host() + ":" + self.port();
    }

    /** Asks {@code target} for {@code pathAndQuery}; its answer, or 503 if it cannot be reached. */
    CompletableFuture<Reply> send(HostInfo target, String pathAndQuery) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.port() + pathAndQuery))
                    .timeout(REQUEST_TIMEOUT)
                    .header(QueryServer.FORWARDED_HEADER, origin)
                    .GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(unreachable(target, e));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(Forwarder::relay)
                .exceptionally(e -> unreachable(target, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    Reply forward(HostInfo target, String pathAndQuery) {
        return send(target, pathAndQuery).join();
    }

    private static Reply relay(HttpResponse<byte[]> response) {
        Reply reply = new Reply(response.statusCode(), response.body(), java.util.Map.of());
        for (String header : new String[] {"Retry-After", QueryServer.SERVED_BY_HEADER}) {
            String value = response.headers().firstValue(header).orElse(null);
            if (value != null) {
                reply = reply.withHeader(header, value);
            }
        }
        return reply;
    }

    private static Reply unreachable(HostInfo target, Throwable e) {
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return Reply.error(503, "instance " + target.host() + ":" + target.port() + " did not answer (" + why + ")");
    }
}
