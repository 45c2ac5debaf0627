package org.influencemonitor.sink.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server standing in for an operations team's webhook endpoint (the JDK's own server). It
 * answers with a script of responses (e.g. three 500s, then a 429 with Retry-After, then 200s), can stall
 * a request until released, and checks every request's Standard Webhooks signature with its own
 * implementation of the specification, written apart from the sink's signer: it parses every
 * space-separated {@code v1,} signature and compares in constant time, and rejects timestamps more than
 * five minutes away. Receivers deduplicate on {@code webhook-id}; {@link #distinctBodies()} does.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Request(String id, String timestamp, String signature, byte[] body, boolean signatureValid,
                          int answered, Instant at) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A scripted answer: status and headers. */
    public record Answer(int status, Map<String, String> headers) {
        public static Answer status(int status) {
            return new Answer(status, Map.of());
        }
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private final HttpServer server;
    private final byte[] key;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int stallAtRequest = -1;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int defaultStatus = 200;

    public WebhookReceiver(String whsecSecret) throws IOException {
        this.key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Answers to the next requests, in order; then {@link #answerByDefault}. */
    public void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public void answerByDefault(int status) {
        defaultStatus = status;
    }

    /** The {@code n}th request (1-based) is held without an answer until {@link #release()}. */
    public void stallAt(int n) {
        stallAtRequest = n;
    }

    public boolean awaitStalled(Duration timeout) throws InterruptedException {
        return stalled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int number;
            synchronized (this) {
                number = requests.size() + 1;
            }
            if (number == stallAtRequest) {
                stalled.countDown();
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean valid = verifies(id, timestamp, signature, body);
            Answer answer = script.poll();
            if (answer == null) {
                answer = Answer.status(defaultStatus);
            }
            if (!valid) {
                answer = Answer.status(401);
            }
            requests.add(new Request(id, timestamp, signature, body, valid, answer.status(), Instant.now()));
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    private boolean verifies(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = new byte[0];
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            content.writeBytes(body);
            signed = content.toByteArray();
            expected = mac.doFinal(signed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String candidate : signatures.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(comma + 1)))) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // another signature may still match
            }
        }
        return false;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The body of each webhook id that was answered 2xx, the way a deduplicating receiver keeps them. */
    public Map<String, String> distinctBodies() {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Request r : requests) {
            if (r.answered() / 100 == 2) {
                byId.putIfAbsent(r.id(), r.bodyText());
            }
        }
        return byId;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
