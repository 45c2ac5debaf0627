package org.influencemonitor.http;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how a component serves HTTP: the address to bind, the limits that keep slow or numerous
 * clients from holding the server, and the optional bearer token and TLS keystore.
 *
 * @param bindHost    the address to listen on; {@code null} or empty for every interface
 * @param port        the port; 0 picks a free one
 * @param limits      timeouts and sizes, {@link Limits#DEFAULT} unless there is a reason
 * @param token       when present, every request but those for {@code publicPaths} must carry it
 * @param tls         when present, the server speaks HTTPS only
 * @param publicPaths exact paths answered without the token: liveness and readiness probes, which
 *                    orchestrators call without credentials and which reveal nothing about the data
 */
public record HttpServerSettings(String bindHost, int port, Limits limits, Optional<BearerToken> token,
                                 Optional<TlsKeystore> tls, Set<String> publicPaths) {
    public static final Set<String> PROBES = Set.of("/health", "/ready");

    public HttpServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        publicPaths = Set.copyOf(publicPaths);
    }

    /** Plain HTTP on {@code bindHost:port} with the default limits, no token, probes public. */
    public static HttpServerSettings plain(String bindHost, int port) {
        return new HttpServerSettings(bindHost, port, Limits.DEFAULT, Optional.empty(), Optional.empty(), PROBES);
    }

    public HttpServerSettings withToken(Optional<BearerToken> newToken) {
        return new HttpServerSettings(bindHost, port, limits, newToken, tls, publicPaths);
    }

    public HttpServerSettings withTls(Optional<TlsKeystore> newTls) {
        return new HttpServerSettings(bindHost, port, limits, token, newTls, publicPaths);
    }

    public HttpServerSettings withLimits(Limits newLimits) {
        return new HttpServerSettings(bindHost, port, newLimits, token, tls, publicPaths);
    }

    public HttpServerSettings withPublicPaths(Set<String> newPublicPaths) {
        return new HttpServerSettings(bindHost, port, limits, token, tls, newPublicPaths);
    }

    public HttpServerSettings withPort(int newPort) {
        return new HttpServerSettings(bindHost, newPort, limits, token, tls, publicPaths);
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /**
     * What one client can hold. Requests are parsed without a thread (Jetty reads asynchronously), so a
     * client that sends half a request costs a connection, not a worker: the connection limit and the
     * idle timeout bound those, and the worker pool is for requests that are complete.
     *
     * @param idleTimeout        a connection with no bytes moving for this long is closed, mid-request or not
     * @param maxConnections     connections beyond this wait in the accept queue until one closes
     * @param maxThreads         workers for complete requests (blocking store reads and forwarding)
     * @param maxHeaderBytes     request line and headers; more is answered 431
     * @param stopTimeout        how long a stopping server lets requests in progress finish
     */
    public record Limits(Duration idleTimeout, int maxConnections, int maxThreads, int maxHeaderBytes,
                         Duration stopTimeout) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 512, 32, 16 * 1024, Duration.ofSeconds(5));

        public Limits {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("max connections must be at least 1, got " + maxConnections);
            }
            if (maxThreads < 4) {
                throw new IllegalArgumentException("max threads must be at least 4, got " + maxThreads);
            }
            if (maxHeaderBytes < 1024) {
                throw new IllegalArgumentException("max header bytes must be at least 1024, got " + maxHeaderBytes);
            }
        }

        public Limits withIdleTimeout(Duration timeout) {
            return new Limits(timeout, maxConnections, maxThreads, maxHeaderBytes, stopTimeout);
        }

        public Limits withMaxConnections(int max) {
            return new Limits(idleTimeout, max, maxThreads, maxHeaderBytes, stopTimeout);
        }

        public Limits withMaxThreads(int max) {
            return new Limits(idleTimeout, maxConnections, max, maxHeaderBytes, stopTimeout);
        }
    }
}
