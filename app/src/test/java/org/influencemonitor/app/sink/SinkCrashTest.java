package org.influencemonitor.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.Monitor;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.Topics;
import org.influencemonitor.sink.postgres.PostgresChannel;
import org.influencemonitor.sink.testing.PostgresServer;
import org.influencemonitor.sink.testing.TestAlerts;
import org.influencemonitor.sink.testing.WebhookReceiver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor sink --config} as its own process, killed with SIGKILL in the middle of its batches and
 * started again: the webhook receiver is holding a request unanswered, PostgreSQL is holding the batch's
 * insert on a lock, and the file's consumer group is then set back to the start with a torn line appended
 * (what a kill between the write and the commit, or during the write, leaves). After the restart, each
 * destination holds every event exactly once in effect: the file and the tables literally once, the
 * receiver once per {@code webhook-id} (it got some twice, as the specification allows), all signatures valid.
 * And the signals: SIGTERM stops the restarted sink with exit code 0, a second SIGTERM exits at once.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SinkCrashTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    /** First: it counts everything in the alerts topic, which the other test adds to. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void aKilledSinkRestartedDeliversEveryEventOnceInEffect() throws Exception {
        PostgresServer pg = PostgresServer.find().orElse(null);
        Assumptions.assumeTrue(pg != null, () -> "skipped: " + PostgresServer.unavailableBecause);
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1, 2);
        List<Alert> alerts = AlertTraffic.incidents(run, 6, 4);
        AlertTraffic.publish(KAFKA.bootstrapServers(), alerts);
        Path file = dir.resolve("out/alerts.jsonl");
        Path log = dir.resolve("sink.log");

        try (pg; WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            receiver.stallAt(5);
            Path config = writeConfig(run, file, receiver, pg);
            // The schema exists before the sink starts, so the test can hold its table on a lock.
            new PostgresChannel(new PostgresChannel.Settings(pg.jdbcUrl(), pg.user(), System.getenv("PGPASSWORD"),
                    pg.schema(), Duration.ofSeconds(10))).close();
            Process first;
            try (Connection lock = pg.connect(); Statement s = lock.createStatement()) {
                lock.setAutoCommit(false);
                s.execute("LOCK TABLE alert_events IN EXCLUSIVE MODE");
                first = startSink(config, log);
                assertTrue(receiver.awaitStalled(Duration.ofSeconds(120)), "the webhook channel reached its 5th request");
                AlertTraffic.await("the postgres channel to wait on the lock", Duration.ofSeconds(120), () -> waitsOnLock(pg));
                AlertTraffic.await("the file channel to write", Duration.ofSeconds(120),
                        () -> Files.exists(file) && Files.readAllLines(file).size() == alerts.size());
                first.destroyForcibly(); // SIGKILL
                assertTrue(first.waitFor(10, TimeUnit.SECONDS));
                lock.rollback();
            }
            receiver.release();
            assertEquals(0, count(pg, "select count(*) from alert_events"), "the killed transaction left nothing");
            int sentBeforeKill = receiver.requests().size();

            // What a kill between the file's write and its commit leaves, and a kill during a write.
            rewindToStart("crash-" + run + "-file");
            Files.write(file, "{\"schema_version\":1,\"alert_id\":\"".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

            Process second = startSink(config, log);
            try {
                AlertTraffic.await("every channel to deliver and commit everything", Duration.ofSeconds(180), () ->
                        AlertTraffic.lag(KAFKA.bootstrapServers(), "crash-" + run + "-file") == 0
                                && AlertTraffic.lag(KAFKA.bootstrapServers(), "crash-" + run + "-webhook") == 0
                                && AlertTraffic.lag(KAFKA.bootstrapServers(), "crash-" + run + "-postgres") == 0);
            } finally {
                second.destroy(); // SIGTERM: a clean stop
                assertTrue(second.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the sink");
            }
            assertEquals(0, second.exitValue(), Files.readString(log));
            String output = Files.readString(log);
            assertTrue(output.contains("Sink webhook: "), output);

            Map<String, String> expected = new java.util.LinkedHashMap<>();
            alerts.forEach(a -> expected.put(a.alertId() + ":" + a.update(), new String(TestAlerts.json(a), StandardCharsets.UTF_8)));

            List<String> lines = Files.readAllLines(file);
            assertEquals(alerts.size(), lines.size(), "the file holds each event once");
            assertEquals(expected.keySet(), keysOf(lines));
            assertTrue(expected.values().containsAll(lines), "each line is the topic's JSON, unchanged");

            assertTrue(receiver.requests().size() > sentBeforeKill, "the restart delivered to the webhook again");
            assertTrue(receiver.requests().stream().allMatch(WebhookReceiver.Request::signatureValid));
            assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(receiver.distinctBodies()),
                    "one body per webhook-id, and it is the topic's JSON");

            assertEquals(alerts.size(), count(pg, "select count(*) from alert_events"));
            assertEquals(6, count(pg, "select count(*) from alerts where status = 'resolved' and last_update = 3"));
            assertEquals(0, count(pg, "select count(*) from alerts where status = 'firing'"));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aSecondSigtermExitsAtOnceWhileTheFirstWaitsForTheDeliveryInFlight() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), 1, 2);
        AlertTraffic.publish(KAFKA.bootstrapServers(), AlertTraffic.incidents(run, 1, 1));
        Path secret = dir.resolve("stop.secret");
        Files.writeString(secret, SECRET);
        Path log = dir.resolve("stop.log");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            receiver.stallAt(1);
            Process stubborn = startSink(log, "webhook", "--url", receiver.url().toString(), "--secret-file", secret.toString(),
                    "--timeout", "5m", "--group-id", "stop-" + run, "--shutdown-timeout", "5m");
            assertTrue(receiver.awaitStalled(Duration.ofSeconds(60)));
            signal(stubborn, "TERM");
            Thread.sleep(1000);
            assertTrue(stubborn.isAlive(), "the first SIGTERM waits for the delivery in flight");
            signal(stubborn, "TERM");
            assertTrue(stubborn.waitFor(10, TimeUnit.SECONDS), "a second SIGTERM exits at once");
            assertEquals(1, stubborn.exitValue());
            assertTrue(Files.readString(log).contains("monitor: second SIGTERM: exiting now"), Files.readString(log));
            assertTrue(AlertTraffic.lag(KAFKA.bootstrapServers(), "stop-" + run) > 0, "the abandoned alert stays uncommitted");
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
    }

    private Path writeConfig(String run, Path file, WebhookReceiver receiver, PostgresServer pg) throws Exception {
        Path secret = dir.resolve("webhook.secret");
        Files.writeString(secret, SECRET + "\n");
        Path yaml = dir.resolve("sinks.yaml");
        Files.writeString(yaml, String.join("\n",
                "channels:",
                "  - type: file",
                "    path: " + file,
                "    group_id: crash-" + run + "-file",
                "  - type: webhook",
                "    url: " + receiver.url(),
                "    secret_file: " + secret,
                "    group_id: crash-" + run + "-webhook",
                "    timeout: 60s",
                "    backoff: PT0.2S",
                "  - type: postgres",
                "    jdbc_url: " + pg.jdbcUrl(),
                "    user: " + pg.user(),
                "    schema: " + pg.schema(),
                "    group_id: crash-" + run + "-postgres",
                "    timeout: 60s",
                ""));
        return yaml;
    }

    private Process startSink(Path config, Path log) throws Exception {
        return startSink(log, "--config", config.toString());
    }

    private Process startSink(Path log, String... sinkArgs) throws Exception {
        Path kafkaConfig = dir.resolve("client.properties");
        // A killed member holds its partitions until its session times out: keep that short.
        Files.writeString(kafkaConfig, "session.timeout.ms=6000\nheartbeat.interval.ms=1000\n");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Monitor.class.getName(), "sink"));
        command.addAll(List.of(sinkArgs));
        command.addAll(List.of("--bootstrap-servers", KAFKA.bootstrapServers(), "--kafka-config", kafkaConfig.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static boolean waitsOnLock(PostgresServer pg) throws Exception {
        return count(pg, "select count(*) from pg_stat_activity where application_name = 'influence-monitor sink' "
                + "and wait_event_type = 'Lock'") > 0;
    }

    private void rewindToStart(String group) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            AlertTraffic.await("the killed member to leave " + group, Duration.ofSeconds(30), () -> {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                return d.groupState() == GroupState.EMPTY;
            });
            Map<TopicPartition, OffsetAndMetadata> start = Map.of(new TopicPartition(Topics.ALERTS, 0), new OffsetAndMetadata(0),
                    new TopicPartition(Topics.ALERTS, 1), new OffsetAndMetadata(0));
            admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> keysOf(List<String> lines) throws Exception {
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            var node = Json.mapper().readTree(line);
            keys.add(node.get("alert_id").asText() + ":" + node.get("update").asInt());
        }
        return keys;
    }

    private static long count(PostgresServer pg, String sql) throws Exception {
        try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
