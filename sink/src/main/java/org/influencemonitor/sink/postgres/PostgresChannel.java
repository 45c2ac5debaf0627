package org.influencemonitor.sink.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.EventKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps alert history in PostgreSQL: {@code alert_events} gets one row per event, inserted once
 * ({@code ON CONFLICT DO NOTHING} on {@code (alert_id, update_number)}), and {@code alerts} one row per
 * incident, upserted only by a newer event. A batch is one transaction, so a crash in the middle of it
 * leaves nothing behind, and a batch delivered again changes nothing. The schema is created and migrated
 * by Flyway ({@code db/migration}) when the channel starts.
 */
public final class PostgresChannel implements AlertChannel {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChannel.class);

    /** Where to connect; {@code schema} null keeps the connection's default ({@code public}). */
    public record Settings(String jdbcUrl, String user, String password, String schema, Duration timeout) {
        @Override
        public String toString() {
            return "Settings[" + describe(jdbcUrl) + ", user=" + user + ", schema=" + schema + "]";
        }
    }

    private static final String INSERT_EVENT = """
            INSERT INTO alert_events (alert_id, update_number, rule, country, status, severity, window_start,
                                      window_end, articles, created_at, event, kafka_partition, kafka_offset)
            VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (alert_id, update_number) DO NOTHING""";
    private static final String UPSERT_INCIDENT = """
            INSERT INTO alerts AS a (alert_id, rule, country, status, severity, first_severity, incident_start,
                                     window_start, window_end, articles, threshold, expected, score, summary,
                                     last_update, opened_at, updated_at, resolved_at, election_date,
                                     election_type, event)
            VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (alert_id) DO UPDATE SET
                status = EXCLUDED.status, severity = EXCLUDED.severity, window_start = EXCLUDED.window_start,
                window_end = EXCLUDED.window_end, articles = EXCLUDED.articles, threshold = EXCLUDED.threshold,
                expected = EXCLUDED.expected, score = EXCLUDED.score, summary = EXCLUDED.summary,
                last_update = EXCLUDED.last_update, updated_at = EXCLUDED.updated_at,
                resolved_at = EXCLUDED.resolved_at, election_date = EXCLUDED.election_date,
                election_type = EXCLUDED.election_type, event = EXCLUDED.event
            WHERE a.last_update < EXCLUDED.last_update""";

    private final Settings settings;
    private Connection connection;

    /** Connects and migrates the schema; a database that cannot be reached or migrated is an error here. */
    public PostgresChannel(Settings settings) throws SQLException {
        this.settings = settings;
        migrate();
        this.connection = connect();
    }

    private void migrate() throws SQLException {
        var config = Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .connectRetries(0);
        if (settings.schema() != null) {
            config = config.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
        }
        try {
            int applied = config.load().migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("{}: applied {} schema migration(s)", describe(), applied);
            }
        } catch (FlywayException e) {
            throw new SQLException("cannot migrate the alert history schema at " + describe() + ": "
                    + oneLine(rootMessage(e)), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        long seconds = Math.max(1, settings.timeout().toSeconds());
        props.setProperty("connectTimeout", String.valueOf(seconds));
        props.setProperty("socketTimeout", String.valueOf(seconds));
        props.setProperty("ApplicationName", "influence-monitor sink");
        if (settings.schema() != null) {
            props.setProperty("currentSchema", settings.schema());
        }
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), props);
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void deliver(List<DeliveredAlert> batch) throws DeliveryException {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connect();
            }
            try (PreparedStatement events = connection.prepareStatement(INSERT_EVENT);
                 PreparedStatement incidents = connection.prepareStatement(UPSERT_INCIDENT)) {
                for (DeliveredAlert alert : batch) {
                    bindEvent(events, alert);
                    events.addBatch();
                    bindIncident(incidents, alert);
                    incidents.addBatch();
                }
                events.executeBatch();
                incidents.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String message = "PostgreSQL " + describe() + ": " + oneLine(e.getMessage());
            // Class 22 (data exception) and 23 (integrity): this row is refused, another try cannot help.
            if (state.startsWith("22") || state.startsWith("23")) {
                throw DeliveryException.permanent(message, e);
            }
            closeQuietly();
            throw DeliveryException.retryable(message, e);
        }
    }

    private static void bindEvent(PreparedStatement s, DeliveredAlert d) throws SQLException {
        Alert a = d.alert();
        int i = 1;
        s.setString(i++, a.alertId());
        s.setInt(i++, EventKey.updateOf(a));
        s.setString(i++, a.rule());
        s.setString(i++, a.country());
        s.setString(i++, a.status().wireName());
        s.setString(i++, a.severity().wireName());
        s.setTimestamp(i++, ts(a.windowStart()));
        s.setTimestamp(i++, ts(a.windowEnd()));
        s.setInt(i++, a.articles());
        s.setTimestamp(i++, ts(a.createdAt()));
        s.setString(i++, new String(d.json(), StandardCharsets.UTF_8));
        s.setInt(i++, d.partition());
        s.setLong(i, d.offset());
    }

    private static void bindIncident(PreparedStatement s, DeliveredAlert d) throws SQLException {
        Alert a = d.alert();
        boolean resolved = a.status() == Alert.Status.RESOLVED;
        int i = 1;
        s.setString(i++, a.alertId());
        s.setString(i++, a.rule());
        s.setString(i++, a.country());
        s.setString(i++, a.status().wireName());
        s.setString(i++, a.severity().wireName());
        s.setString(i++, a.severity().wireName());
        s.setTimestamp(i++, a.incidentStart() == null ? null : ts(a.incidentStart()));
        s.setTimestamp(i++, ts(a.windowStart()));
        s.setTimestamp(i++, ts(a.windowEnd()));
        s.setInt(i++, a.articles());
        s.setInt(i++, a.threshold());
        setDouble(s, i++, a.expected());
        setDouble(s, i++, a.score());
        s.setString(i++, a.summary());
        s.setInt(i++, EventKey.updateOf(a));
        s.setTimestamp(i++, ts(a.createdAt()));
        s.setTimestamp(i++, ts(a.createdAt()));
        s.setTimestamp(i++, resolved ? ts(a.createdAt()) : null);
        s.setDate(i++, a.election() == null || a.election().date() == null ? null : Date.valueOf(a.election().date()));
        s.setString(i++, a.election() == null ? null : a.election().type());
        s.setString(i, new String(d.json(), StandardCharsets.UTF_8));
    }

    private static void setDouble(PreparedStatement s, int i, Double value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, value);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the connection is being replaced anyway
        }
        connection = null;
    }

    @Override
    public String describe() {
        return describe(settings.jdbcUrl()) + (settings.schema() == null ? "" : " schema " + settings.schema());
    }

    /** The JDBC URL without its query, where a password may be. */
    static String describe(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    /** Flyway wraps the driver's one-line reason in a framed report; the reason is what a user needs. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }

    private String oneLine(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return settings.password() == null || settings.password().isEmpty() ? m : m.replace(settings.password(), "***");
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
