package org.influencemonitor.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret a client must send as {@code Authorization: Bearer <token>}. Read from a file or an
 * environment variable, never from the command line (where {@code ps} and shell history would show it),
 * and never printed: {@link #toString()} is redacted.
 */
public final class BearerToken {
    private static final String PREFIX = "Bearer ";
    private final byte[] token;

    private BearerToken(String token) {
        String trimmed = token.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the bearer token is empty");
        }
        if (trimmed.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("the bearer token must be printable ASCII without spaces");
        }
        this.token = trimmed.getBytes(StandardCharsets.US_ASCII);
    }

    public static BearerToken of(String token) {
        return new BearerToken(token);
    }

    /** The token in {@code file} (surrounding whitespace and a final newline ignored). */
    public static BearerToken fromFile(Path file) throws IOException {
        try {
            return new BearerToken(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in " + file, e);
        }
    }

    /** The token in environment variable {@code name}, if it is set and not blank. */
    public static Optional<BearerToken> fromEnvironment(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new BearerToken(value));
    }

    /** True when {@code authorization} (the whole header, or null) carries this token; constant time. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] offered = authorization.substring(PREFIX.length()).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(token, offered);
    }

    /** The {@code Authorization} header value for clients of this server, e.g. another instance forwarding. */
    public String header() {
        return PREFIX + new String(token, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
