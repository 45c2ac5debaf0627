package org.influencemonitor.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.influencemonitor.http.BearerToken;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.TlsKeystore;
import picocli.CommandLine.Option;

/**
 * How a component's HTTP server is secured and bounded; the same options wherever the monitor serves
 * HTTP. Secrets come from files or the environment, never from the command line, where {@code ps} and
 * the shell's history would show them.
 */
public final class HttpOptions {
    static final String TOKEN_ENV = "MONITOR_HTTP_TOKEN";
    static final String TLS_PASSWORD_ENV = "MONITOR_HTTP_TLS_PASSWORD";

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = {"Require 'Authorization: Bearer <token>' on every request but /health and /ready, "
                    + "with the token in FILE (or in env " + TOKEN_ENV + ")."})
    Path tokenFile;

    @Option(names = "--http-tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS only, with the key and certificate in this PKCS#12 or JKS keystore "
                    + "(e.g. from keytool -genkeypair); its password from --http-tls-password-file or env "
                    + TLS_PASSWORD_ENV + ".")
    Path tlsKeystore;

    @Option(names = "--http-tls-password-file", paramLabel = "FILE", description = "The keystore's password.")
    Path tlsPasswordFile;

    @Option(names = "--http-max-connections", paramLabel = "N", defaultValue = "512",
            description = "Connections served at once; more wait until one closes (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--http-idle-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Close a connection when no bytes have moved for this long, "
                    + "mid-request or not (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    /** The settings for a server on {@code bindHost:port} (null host: every interface), or a one-line user error. */
    public HttpServerSettings settings(String bindHost, int port) {
        HttpServerSettings.Limits limits;
        try {
            limits = HttpServerSettings.Limits.DEFAULT.withMaxConnections(maxConnections).withIdleTimeout(idleTimeout);
        } catch (IllegalArgumentException e) {
            throw new UserError("--http-" + e.getMessage().replace(" must", ": must").replace("max connections", "max-connections")
                    .replace("idle timeout", "idle-timeout"));
        }
        return HttpServerSettings.plain(bindHost, port).withLimits(limits).withToken(token()).withTls(tls());
    }

    private Optional<BearerToken> token() {
        try {
            if (tokenFile != null) {
                return Optional.of(BearerToken.fromFile(tokenFile));
            }
            return BearerToken.fromEnvironment(TOKEN_ENV);
        } catch (IOException e) {
            throw new UserError("cannot read --http-token-file " + tokenFile + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(tokenFile != null ? e.getMessage() : e.getMessage() + " in env " + TOKEN_ENV);
        }
    }

    private Optional<TlsKeystore> tls() {
        if (tlsKeystore == null) {
            if (tlsPasswordFile != null) {
                throw new UserError("--http-tls-password-file needs --http-tls-keystore");
            }
            return Optional.empty();
        }
        char[] password;
        if (tlsPasswordFile != null) {
            try {
                password = TlsKeystore.readPassword(tlsPasswordFile);
            } catch (IOException e) {
                throw new UserError("cannot read --http-tls-password-file " + tlsPasswordFile + ": " + e.getMessage());
            }
        } else {
            String env = System.getenv(TLS_PASSWORD_ENV);
            if (env == null) {
                throw new UserError("--http-tls-keystore needs its password: --http-tls-password-file FILE or env "
                        + TLS_PASSWORD_ENV);
            }
            password = env.toCharArray();
        }
        try {
            return Optional.of(TlsKeystore.load(tlsKeystore, password));
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
