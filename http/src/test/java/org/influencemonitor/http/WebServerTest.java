package org.influencemonitor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server against real sockets and the JDK's HTTP client: what slow, many, unauthenticated or plain-text clients get. */
class WebServerTest {
    /** A handler belongs to one server, so each server gets its own. */
    private static Handler hello() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, "{\"path\":\"" + Request.getPathInContext(request) + "\"}", callback);
                return true;
            }
        };
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private WebServer start(HttpServerSettings settings) throws IOException {
        WebServer server = new WebServer("test-http", settings, hello());
        open.add(server);
        server.start();
        return server;
    }

    private HttpResponse<String> get(WebServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("localhost").resolve(path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Socket connect(WebServer server) throws IOException {
        Socket socket = new Socket();
        open.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        return socket;
    }

    @Test
    void clientsThatSendHalfARequestDoNotHoldTheWorkers() throws Exception {
        WebServer server = start(HttpServerSettings.plain("127.0.0.1", 0)
                .withLimits(HttpServerSettings.Limits.DEFAULT.withMaxThreads(4)));
        for (int i = 0; i < 20; i++) {
            OutputStream out = connect(server).getOutputStream();
            out.write((i % 2 == 0 ? "G" : "GET /countries HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        HttpResponse<String> answer = get(server, "/incidents", null);
        assertEquals(200, answer.statusCode());
        assertEquals("{\"path\":\"/incidents\"}", answer.body());
    }

    @Test
    void aConnectionThatStallsMidRequestIsClosedAfterTheIdleTimeout() throws Exception {
        WebServer server = start(HttpServerSettings.plain("127.0.0.1", 0)
                .withLimits(HttpServerSettings.Limits.DEFAULT.withIdleTimeout(Duration.ofMillis(300))));
        Socket socket = connect(server);
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] rest = in.readAllBytes(); // returns once the server closes the connection
        String answer = new String(rest, StandardCharsets.ISO_8859_1);
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
        WebServer server = start(HttpServerSettings.plain("127.0.0.1", 0)
                .withLimits(HttpServerSettings.Limits.DEFAULT.withMaxConnections(2)));
        Socket first = connect(server);
        connect(server);
        Socket third = connect(server); // the kernel completes the handshake; Jetty does not accept it yet
        third.getOutputStream().write("GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        third.setSoTimeout(1000);
        assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(), "answered beyond the limit");
        first.close();
        third.setSoTimeout(10_000);
        String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }

    @Test
    void oversizedHeadersAreRefusedWithJsonAndNoServerVersion() throws Exception {
        WebServer server = start(HttpServerSettings.plain("127.0.0.1", 0));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(server.uri("localhost"))
                .header("X-Big", "x".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, answer.statusCode());
        assertFalse(answer.headers().firstValue("Server").isPresent(), "the server names itself");
        Socket socket = connect(server);
        socket.getOutputStream().write("BLAH\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(10_000);
        String bad = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertFalse(bad.contains("<html"), bad);
    }

    @Test
    void withATokenOnlyTheProbesAnswerWithoutIt() throws Exception {
        BearerToken token = BearerToken.of("s3cret-token");
        WebServer server = start(HttpServerSettings.plain("127.0.0.1", 0).withToken(Optional.of(token)));
        HttpResponse<String> none = get(server, "/incidents", null);
        assertEquals(401, none.statusCode());
        assertEquals(BearerAuthentication.CHALLENGE, none.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(none.body().contains("s3cret"), none.body());
        assertEquals(401, get(server, "/incidents", "Bearer wrong").statusCode());
        assertEquals(401, get(server, "/incidents", "Basic czNjcmV0LXRva2Vu").statusCode());
        assertEquals(200, get(server, "/incidents", "Bearer s3cret-token").statusCode());
        assertEquals(200, get(server, "/incidents", token.header()).statusCode());
        assertEquals(200, get(server, "/health", null).statusCode());
        assertEquals(200, get(server, "/ready", null).statusCode());
        assertEquals(401, get(server, "/health/../incidents", null).statusCode());
    }

    @Test
    void tokensAndKeystorePasswordsAreNeverPrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  file-token\n");
        BearerToken token = BearerToken.fromFile(file);
        assertTrue(token.accepts("Bearer file-token"));
        assertFalse(token.toString().contains("file-token"));
        Files.writeString(file, "\n");
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> BearerToken.fromFile(file));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        Path keystore = keystore(dir, "changeit-123");
        TlsKeystore tls = TlsKeystore.load(keystore, "changeit-123".toCharArray());
        assertFalse(tls.toString().contains("changeit-123"));
        IOException wrong = assertThrows(IOException.class, () -> TlsKeystore.load(keystore, "nope".toCharArray()));
        assertFalse(wrong.getMessage().contains("nope"));
    }

    @Test
    void withAKeystoreItSpeaksHttpsOnly(@TempDir Path dir) throws Exception {
        TlsKeystore keystore = TlsKeystore.load(keystore(dir, "changeit-123"), "changeit-123".toCharArray());
        WebServer server = start(HttpServerSettings.plain("127.0.0.1", 0).withTls(Optional.of(keystore)));
        assertEquals("https", server.uri("localhost").getScheme());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keystore.asTrustStore());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        HttpClient tlsClient = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> answer = tlsClient.send(HttpRequest.newBuilder(server.uri("localhost").resolve("/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        URI plain = URI.create("http://localhost:" + server.port() + "/x");
        assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aTakenPortIsOneClearError() throws Exception {
        WebServer first = start(HttpServerSettings.plain("127.0.0.1", 0));
        IOException e = assertThrows(IOException.class,
                () -> new WebServer("second", HttpServerSettings.plain("127.0.0.1", first.port()), hello()));
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
    }

    static Path keystore(Path dir, String password) throws Exception {
        return SelfSignedKeystore.create(dir, password);
    }
}
