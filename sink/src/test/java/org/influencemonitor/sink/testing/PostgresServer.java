package org.influencemonitor.sink.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A real PostgreSQL for tests: a Testcontainers {@code postgres:15} where a Docker engine runs, otherwise
 * the server at {@code PGHOST}/{@code PGPORT} (default 127.0.0.1:5432, trust authentication, database
 * {@code PGDATABASE} or {@code test}). Each fixture gets a schema of its own, dropped on close, so that
 * test runs never see each other's rows. {@link #find()} is empty when no server can be reached, and the
 * test says so and skips.
 */
public final class PostgresServer implements AutoCloseable {
    private final String jdbcUrl;
    private final String user;
    private final String schema;
    private final String description;
    private final GenericContainer<?> container;

    private PostgresServer(String jdbcUrl, String user, String description, GenericContainer<?> container) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.description = description;
        this.container = container;
        this.schema = "sink_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** Why no server is there, for the skip message; null once {@link #find()} found one. */
    public static String unavailableBecause;

    public static java.util.Optional<PostgresServer> find() {
        if (isDockerAvailable()) {
            GenericContainer<?> c = new GenericContainer<>("postgres:15-alpine")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withExposedPorts(5432)
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
            c.start();
            return java.util.Optional.of(new PostgresServer("jdbc:postgresql://" + c.getHost() + ":" + c.getMappedPort(5432)
                    + "/postgres", "postgres", "Testcontainers postgres:15-alpine", c));
        }
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String database = env("PGDATABASE", "test");
        String user = env("PGUSER", System.getProperty("user.name"));
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        try (Connection c = DriverManager.getConnection(url + "?connectTimeout=3", user, System.getenv("PGPASSWORD"))) {
            unavailableBecause = null;
            return java.util.Optional.of(new PostgresServer(url, user, "PostgreSQL at " + host + ":" + port + "/" + database, null));
        } catch (SQLException e) {
            unavailableBecause = "no PostgreSQL reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "); set PGHOST/PGPORT/PGDATABASE/PGUSER, or run a Docker engine";
            return java.util.Optional.empty();
        }
    }

    private static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** This fixture's own schema; the sink creates it. */
    public String schema() {
        return schema;
    }

    public String describe() {
        return description;
    }

    /** A connection whose search path is this fixture's schema. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv("PGPASSWORD"));
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (container == null) {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv("PGPASSWORD"));
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        } finally {
            if (container != null) {
                container.stop();
            }
        }
    }
}
