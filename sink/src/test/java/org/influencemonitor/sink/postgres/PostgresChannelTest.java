package org.influencemonitor.sink.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.testing.PostgresServer;
import org.influencemonitor.sink.testing.TestAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL channel against a real server, in a schema of its own that is dropped afterwards. */
class PostgresChannelTest {
    private PostgresServer server;

    @BeforeEach
    void findServer() {
        server = PostgresServer.find().orElse(null);
        Assumptions.assumeTrue(server != null, () -> "skipped: " + PostgresServer.unavailableBecause);
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private PostgresChannel channel() throws Exception {
        return new PostgresChannel(new PostgresChannel.Settings(server.jdbcUrl(), server.user(),
                System.getenv("PGPASSWORD"), server.schema(), Duration.ofSeconds(10)));
    }

    @Test
    void keepsOneRowPerEventAndOnePerIncidentThroughRedeliveries() throws Exception {
        List<DeliveredAlert> events = new ArrayList<>();
        events.add(TestAlerts.delivered(TestAlerts.event(1, 0, Alert.Status.FIRING, Alert.Severity.WARNING), 0, 0));
        events.add(TestAlerts.delivered(TestAlerts.event(1, 1, Alert.Status.FIRING, Alert.Severity.CRITICAL), 0, 1));
        events.add(TestAlerts.delivered(TestAlerts.event(1, 2, Alert.Status.RESOLVED, Alert.Severity.CRITICAL), 0, 2));
        events.add(TestAlerts.delivered(TestAlerts.event(2, 0, Alert.Status.FIRING, Alert.Severity.WARNING), 1, 0));
        try (PostgresChannel channel = channel()) {
            channel.deliver(events.subList(0, 2));
            channel.deliver(events);              // a redelivery after a crash, and more
            channel.deliver(events.subList(0, 1)); // an old event again: must not take the incident back
        }
        try (PostgresChannel restarted = channel()) { // the migration finds the schema as it left it
            restarted.deliver(events);
        }
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            assertEquals(4, count(s, "select count(*) from alert_events"));
            assertEquals(2, count(s, "select count(*) from alerts"));
            try (ResultSet r = s.executeQuery("select status, severity, first_severity, last_update, resolved_at is not null "
                    + "from alerts where alert_id = '" + events.get(0).alert().alertId() + "'")) {
                r.next();
                assertEquals("resolved", r.getString(1));
                assertEquals("critical", r.getString(2));
                assertEquals("warning", r.getString(3));
                assertEquals(2, r.getInt(4));
                assertEquals(true, r.getBoolean(5));
            }
            assertEquals(1, count(s, "select count(*) from alerts where status = 'firing' and country = 'MD'"));
            assertEquals(3, count(s, "select count(*) from alert_events where event->>'alert_id' = '"
                    + events.get(0).alert().alertId() + "'"), "the JSON is queryable too");
            assertEquals(1, count(s, "select count(*) from flyway_schema_history where version = '1' and success"), "migrated once");
        }
    }

    @Test
    void aRowTheDatabaseRefusesIsAPermanentFailure() throws Exception {
        Alert notAUuid = new Alert(1, "not-a-uuid", "spike", "MD", TestAlerts.HOUR, TestAlerts.HOUR.plusSeconds(3600), 1, 1,
                Alert.Severity.INFO, Alert.Status.FIRING, List.of(), TestAlerts.HOUR);
        try (PostgresChannel channel = channel()) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> channel.deliver(List.of(TestAlerts.delivered(notAUuid, 0, 0))));
            assertEquals(DeliveryException.Kind.PERMANENT, e.kind(), e.getMessage());
            channel.deliver(List.of(TestAlerts.delivered(TestAlerts.firing(3, 0), 0, 1))); // the connection still works
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
