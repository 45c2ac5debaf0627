package org.influencemonitor.app.broker;

import java.util.Objects;

/**
 * A SASL_PLAINTEXT listener with SCRAM-SHA-256 for one user, so that clients' security settings
 * ({@code --kafka-config}) can be tried against the development broker. The password is a secret: it is
 * never part of {@link #toString()}.
 *
 * @param port 0 picks a free one
 */
public record ScramListener(int port, String user, String password) {
    public static final String MECHANISM = "SCRAM-SHA-256";

    public ScramListener {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the SASL port must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank() || user.contains("=") || user.contains(",")) {
            throw new IllegalArgumentException("the SCRAM user name must be non-empty, without '=' or ',', got \"" + user + "\"");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the SCRAM password for " + user + " is empty");
        }
    }

    @Override
    public String toString() {
        return "ScramListener[port=" + port + ", user=" + user + ", password=(hidden)]";
    }
}
