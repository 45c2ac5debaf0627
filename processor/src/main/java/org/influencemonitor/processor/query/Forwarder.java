package org.influencemonitor.processor.query;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;
import org.influencemonitor.http.BearerToken;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.TlsKeystore;

/**
 * Sends a request on to the instance that owns the data, marked as forwarded so that it is answered
 * there and never sent on again, and turns that instance's answer into this one's. Instances of one
 * deployment share their settings: the same bearer token, and with TLS the same certificate, which is
 * therefore what a forwarding instance trusts (besides the JDK's own trust store, through the keystore
 * the operator gives every instance).
 */
final class Forwarder {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final String origin;
    private final String scheme;
    private final Optional<String> authorization;

    Forwarder(HostInfo self, HttpServerSettings settings) {
        this.origin = self.host() + ":" + self.port();
        this.scheme = settings.scheme();
        this.authorization = settings.token().map(BearerToken::header);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.tls().ifPresent(keystore -> builder.sslContext(trusting(keystore)));
        this.client = builder.build();
    }

    private static SSLContext trusting(TlsKeystore keystore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keystore.asTrustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the certificate in " + keystore.path() + ": " + e.getMessage(), e);
        }
    }

    /** Asks {@code target} for {@code pathAndQuery}; its answer, or 503 if it cannot be reached. */
    CompletableFuture<Reply> send(HostInfo target, String pathAndQuery) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            URI.create(scheme + "://" + target.host() + ":" + target.port() + pathAndQuery))
                    .timeout(REQUEST_TIMEOUT)
                    .header(QueryServer.FORWARDED_HEADER, origin)
                    .GET();
            authorization.ifPresent(value -> builder.header("Authorization", value));
            request = builder.build();
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
