package org.influencemonitor.app.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback serving feed documents as a news site would: an ETag per document, 304
 * for a matching {@code If-None-Match}, any content type and status. Counts the requests per path and
 * the 304s, so a test can tell what the client really asked for.
 */
final class FeedServer implements AutoCloseable {
    record Document(int status, String contentType, String body, String etag) {
    }

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    void put(String path, int status, String contentType, String body, String etag) {
        documents.put(path, new Document(status, contentType, body, etag));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Document doc = documents.get(path);
        if (doc == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        if (doc.etag() != null) {
            exchange.getResponseHeaders().set("ETag", doc.etag());
            if (doc.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
        }
        byte[] body = doc.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", doc.contentType());
        exchange.sendResponseHeaders(doc.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
