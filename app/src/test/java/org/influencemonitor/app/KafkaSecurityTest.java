package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.app.broker.ScramListener;
import org.influencemonitor.model.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor against a broker that requires SASL/SCRAM: the in-JVM broker with its SCRAM-SHA-256 listener,
 * and {@code monitor ingest} and {@code monitor processor} as their own processes, configured only through
 * a {@code --kafka-config} file. An article goes through; a wrong password fails with one clear line; the
 * password appears in no output and no help.
 */
class KafkaSecurityTest {
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime()) + "-Zq9";
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(0, null, new ScramListener(0, "monitor", PASSWORD));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void ingestAndProcessorAuthenticateWithScramFromTheirKafkaConfigAndAWrongPasswordFailsInOneLine() throws Exception {
        Path good = clientConfig("good.properties", PASSWORD);
        Path bad = clientConfig("bad.properties", "not-" + PASSWORD);
        Path articles = dir.resolve("articles.jsonl");
        Files.writeString(articles, "{\"url\":\"https://news.example/scram\",\"title\":\"Moldova election\","
                + "\"text\":\"The Kremlin is accused of buying votes in Moldova.\",\"published_at\":\""
                + Instant.now().minusSeconds(60) + "\"}\n");

        Path processorLog = dir.resolve("processor.log");
        Process processor = monitor(processorLog, "processor", "--bootstrap-servers", broker.saslBootstrapServers(),
                "--kafka-config", good.toString(), "--http-port", "0", "--application-id", "scram-test",
                "--state-dir", dir.resolve("state").toString());
        try {
            awaitLine(processor, processorLog, "Processor running");

            Path ingestLog = dir.resolve("ingest.log");
            Process ingest = monitor(ingestLog, "ingest", "file", articles.toString(), "--progress", "off",
                    "--bootstrap-servers", broker.saslBootstrapServers(), "--kafka-config", good.toString());
            assertTrue(ingest.waitFor(2, TimeUnit.MINUTES));
            String ingested = Files.readString(ingestLog);
            assertEquals(0, ingest.exitValue(), ingested);
            assertTrue(ingested.contains("1 published"), ingested);

            Properties client = KafkaOptions.load(good);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (TopicSnapshot.read(broker.saslBootstrapServers(), client, Topics.ARTICLES_ENRICHED).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the article was not enriched within a minute");
                Thread.sleep(200);
            }

            Path refusedLog = dir.resolve("refused.log");
            Process refused = monitor(refusedLog, "ingest", "file", articles.toString(), "--progress", "off",
                    "--bootstrap-servers", broker.saslBootstrapServers(), "--kafka-config", bad.toString());
            assertTrue(refused.waitFor(2, TimeUnit.MINUTES));
            String out = Files.readString(refusedLog);
            assertEquals(1, refused.exitValue(), out);
            List<String> said = out.lines().filter(l -> l.startsWith("monitor: ")).toList();
            assertEquals(1, said.size(), out);
            assertTrue(said.get(0).contains("invalid credentials with SASL mechanism SCRAM-SHA-256"), said.get(0));
            assertFalse(out.contains(PASSWORD), "the refused run printed the password");
            assertFalse(ingested.contains(PASSWORD), "the ingest printed the password");
        } finally {
            processor.destroy();
            assertTrue(processor.waitFor(1, TimeUnit.MINUTES));
        }
        String processed = Files.readString(processorLog);
        assertEquals(0, processor.exitValue(), processed);
        assertFalse(processed.contains(PASSWORD), "the processor printed the password");
        for (String command : new String[] {"broker", "processor", "ingest file"}) {
            assertFalse(help(command).contains(PASSWORD), command + " --help");
        }
    }

    private Path clientConfig(String name, String password) throws Exception {
        Properties props = new Properties();
        props.putAll(EmbeddedKafkaBroker.scramClientProperties(new ScramListener(0, "monitor", password)));
        Path file = dir.resolve(name);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, null);
        }
        return file;
    }

    private Process monitor(Path log, String... args) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Monitor.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void awaitLine(Process process, Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(log) || !Files.readString(log).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("no \"" + line + "\": " + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(100);
        }
    }

    private static String help(String command) {
        StringWriter out = new StringWriter();
        var cli = Monitor.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        cli.execute(args.toArray(String[]::new));
        return out.toString();
    }

}
