package org.influencemonitor.http;

import java.io.IOException;
import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server for one component, set up the one way the project serves HTTP: Jetty, which parses
 * requests without holding a thread, so that clients sending half a request cannot starve the workers;
 * an idle timeout and a connection limit; errors as JSON, no stack traces, no server version; an optional
 * bearer token and optional TLS; and a graceful stop that lets requests in progress finish.
 *
 * <p>The port is bound when the server is constructed (so that a port-0 server knows its port before it
 * answers, e.g. to advertise it), and requests are answered once {@link #start()}ed.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final HttpServerSettings settings;

    /**
     * @param name        names the worker threads and the log lines, e.g. {@code query-api}
     * @param application the handler tree that answers requests; it runs behind the token check
     * @throws IOException when the port cannot be bound (taken, or not allowed)
     */
    public WebServer(String name, HttpServerSettings settings, Handler application) throws IOException {
        this.settings = settings;
        HttpServerSettings.Limits limits = settings.limits();
        QueuedThreadPool workers = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()));
        workers.setName(name);
        workers.setDaemon(true);
        this.server = new Server(workers);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        HttpConnectionFactory plain = new HttpConnectionFactory(http);
        if (settings.tls().isPresent()) {
            TlsKeystore keystore = settings.tls().get();
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(keystore.keyStore());
            tls.setKeyStorePassword(new String(keystore.password()));
            // The client checks that the certificate matches the host it asked for; refusing requests whose
            // SNI name differs from the certificate would only break clients that reach us by IP address.
            http.addCustomizer(new SecureRequestCustomizer(false));
            this.connector = new ServerConnector(server, tls, plain);
        } else {
            this.connector = new ServerConnector(server, plain);
        }
        connector.setName(name);
        connector.setHost(settings.bindHost() == null || settings.bindHost().isEmpty() ? null : settings.bindHost());
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        ErrorHandler errors = new ErrorHandler();
        errors.setDefaultResponseMimeType("application/json");
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowOrigin(false);
        server.setErrorHandler(errors);

        Handler guarded = settings.token().<Handler>map(
                token -> new BearerAuthentication(token, settings.publicPaths(), application)).orElse(application);
        server.setHandler(new GracefulHandler(guarded));
        server.setStopTimeout(limits.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
        try {
            connector.open();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + describeAddress() + ": " + e.getMessage(), e);
        }
    }

    /** Starts answering requests. */
    public void start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the HTTP server on " + describeAddress() + ": " + e.getMessage(), e);
        }
        if (settings.token().isEmpty() && !isLoopbackOnly()) {
            LOG.warn("{} listens on {} with no bearer token: anyone who can reach the port can read it "
                    + "(--http-token-file, and --http-tls-keystore beyond a private network)", connector.getName(), describeAddress());
        }
    }

    /** The port the server is bound to. */
    public int port() {
        return connector.getLocalPort();
    }

    public String scheme() {
        return settings.scheme();
    }

    /** {@code scheme://host:port/} for clients that reach this server as {@code host}. */
    public URI uri(String host) {
        return URI.create(scheme() + "://" + host + ":" + port() + "/");
    }

    public HttpServerSettings settings() {
        return settings;
    }

    private boolean isLoopbackOnly() {
        String host = connector.getHost();
        if (host == null) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private String describeAddress() {
        String host = settings.bindHost() == null || settings.bindHost().isEmpty() ? "*" : settings.bindHost();
        return host + ":" + settings.port();
    }

    /** Stops accepting connections, lets requests in progress finish within the stop timeout, and closes. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", connector.getName(), e.toString());
        }
    }
}
