package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Keeps docker-compose.yml honest: nothing else notices when a renamed CLI option leaves a service
 * command that only fails once someone runs {@code docker-compose up}.
 */
class ComposeFileTest {

    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final String KAFKA_SERVICE = "kafka";

    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(findRepoRoot().resolve(COMPOSE_FILE).toFile());
        services = compose.path("services");
        assertTrue(services.isObject(), COMPOSE_FILE + " has no services");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "processor", "sink"})
    void serviceCommandIsARealMonitorSubcommand(String service) {
        List<String> args = command(service);

        ParseResult parsed;
        try {
            parsed = new CommandLine(new Monitor()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail("Service " + service + ": `monitor " + String.join(" ", args) + "` does not parse: " + e.getMessage());
            return;
        }
        assertTrue(parsed.hasSubcommand(), "Service " + service + " runs no subcommand: " + args);
        assertEquals(service, parsed.subcommand().commandSpec().name());
    }

    @Test
    void ingestRssPollsTheMountedFeedsFile() {
        List<String> args = command("ingest-rss");
        ParseResult parsed;
        try {
            parsed = new CommandLine(new Monitor()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail("Service ingest-rss: `monitor " + String.join(" ", args) + "` does not parse: " + e.getMessage());
            return;
        }
        assertEquals("ingest", parsed.subcommand().commandSpec().name());
        assertEquals("rss", parsed.subcommand().subcommand().commandSpec().name());
        String feeds = args.get(args.indexOf("--feeds") + 1);
        assertTrue(isUnderMount("ingest-rss", feeds, "./samples"), "ingest-rss reads " + feeds + ", which ./samples is not mounted over");
        assertTrue(Files.isRegularFile(findRepoRoot().resolve("samples").resolve(Path.of(feeds).getFileName())),
                feeds + " is not in samples/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "ingest-rss", "processor", "sink"})
    void serviceTalksToTheKafkaServiceOnAnAdvertisedListener(String service) {
        // The option may live on the subcommand or its own subcommand (e.g. `ingest file`), so look at every level.
        OptionSpec option = null;
        for (ParseResult level = new CommandLine(new Monitor()).parseArgs(command(service).toArray(String[]::new));
             level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--bootstrap-servers")) {
                option = level.matchedOption("--bootstrap-servers");
            }
        }
        assertNotNull(option, "Service " + service + " does not pass --bootstrap-servers");
        String bootstrap = String.valueOf((Object) option.getValue());

        assertEquals(KAFKA_SERVICE, bootstrap.substring(0, bootstrap.lastIndexOf(':')),
                "Service " + service + " should reach Kafka by its service name");
        String advertised = services.path(KAFKA_SERVICE).path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        assertTrue(advertised.contains("://" + bootstrap), bootstrap + " is not among the advertised listeners " + advertised);
        assertTrue(dependsOn(service).contains(KAFKA_SERVICE) || dependsOn(service).contains("kafka-init"),
                "Service " + service + " should wait for Kafka");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "ingest-rss", "processor", "sink"})
    void serviceIsBuiltFromTheDockerfile(String service) {
        JsonNode build = services.path(service).path("build");
        assertEquals(".", build.isObject() ? build.path("context").asText() : build.asText(),
                "Service " + service + " should be built from the repository's Dockerfile");
    }

    @Test
    void kafkaIsTheOfficialApacheImage() {
        String image = services.path(KAFKA_SERVICE).path("image").asText();
        assertTrue(image.startsWith("apache/kafka:"), "kafka service image is " + image);
    }

    @Test
    void ingestReadsTheMountedSamplesAndSinkWritesToAVolume() {
        List<String> ingest = command("ingest");
        String input = ingest.get(ingest.indexOf("file") + 1);
        assertTrue(isUnderMount("ingest", input, "./samples"), "ingest reads " + input + ", which ./samples is not mounted over");

        List<String> sink = command("sink");
        String output = sink.get(sink.indexOf("--path") + 1);
        assertTrue(isUnderMount("sink", output, null), "sink writes " + output + ", which is on no volume");
    }

    @Test
    void prometheusAndGrafanaAreOptionalAndTheirMountedFilesExist() {
        for (String service : List.of("prometheus", "grafana")) {
            assertEquals("telemetry", services.path(service).path("profiles").path(0).asText(),
                    service + " runs only with --profile telemetry");
            for (JsonNode volume : services.path(service).path("volumes")) {
                String source = volume.asText().split(":")[0];
                assertTrue(Files.exists(findRepoRoot().resolve(source)), service + " mounts " + source + ", which is missing");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "processor", "sink"})
    void prometheusScrapesEachComponentWhereItServesMetrics(String service) throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(
                findRepoRoot().resolve("ops/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : config.path("scrape_configs")) {
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        }
        List<String> args = command(service);
        String port = service.equals("processor")
                ? (args.contains("--http-port") ? args.get(args.indexOf("--http-port") + 1) : "8080")
                : args.get(args.indexOf("--metrics-port") + 1);
        assertTrue(targets.contains(service + ":" + port), "Prometheus scrapes " + targets + ", not " + service + ":" + port);
        if (!service.equals("processor")) {
            assertEquals("0.0.0.0", args.get(args.indexOf("--metrics-bind") + 1), service + " must listen beyond loopback to be scraped");
        }
    }

    @Test
    void theHealthCheckProbesAreRealRequests() throws Exception {
        assertTrue(healthCheck("processor").contains("GET /ready "), "the processor's health is its readiness");
        String sink = healthCheck("sink");
        assertTrue(sink.contains("/dev/tcp/127.0.0.1/9100") && sink.contains("GET /health "), sink);
        java.util.concurrent.atomic.AtomicBoolean alive = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (org.influencemonitor.telemetry.Telemetry telemetry = new org.influencemonitor.telemetry.Telemetry("sink");
             org.influencemonitor.telemetry.TelemetryServer server = new org.influencemonitor.telemetry.TelemetryServer("sink",
                     telemetry, org.influencemonitor.http.HttpServerSettings.plain("127.0.0.1", 0), alive::get)) {
            server.start();
            String probe = sink.replace("/9100", "/" + server.port());
            assertEquals(0, runBash(probe), "healthy while the sink runs");
            alive.set(false);
            assertEquals(1, runBash(probe), "unhealthy once it has stopped");
        }
    }

    private static String healthCheck(String service) {
        JsonNode test = services.path(service).path("healthcheck").path("test");
        assertEquals("CMD", test.path(0).asText());
        assertEquals("bash", test.path(1).asText());
        return test.path(3).asText();
    }

    private static int runBash(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the probe finishes");
        return bash.exitValue();
    }

    @Test
    void theAlertingSinkReadsAMountedConfigAndWaitsForWhatItFeeds() {
        List<String> args = command("sink-alerting");
        ParseResult parsed = new CommandLine(new Monitor()).parseArgs(args.toArray(String[]::new));
        assertEquals("sink", parsed.subcommand().commandSpec().name());
        assertTrue(parsed.subcommand().hasMatchedOption("--config"), "sink-alerting runs sink --config: " + args);
        String config = args.get(args.indexOf("--config") + 1);
        assertTrue(isUnderMount("sink-alerting", config, null), "sink-alerting reads " + config + ", which is on no volume");
        assertTrue(dependsOn("sink-alerting").containsAll(List.of("kafka-init", "postgres", "alertmanager")),
                "sink-alerting should wait for Kafka, PostgreSQL and Alertmanager: " + dependsOn("sink-alerting"));
        for (String optional : List.of("sink-alerting", "postgres", "alertmanager")) {
            assertEquals("alerting", services.path(optional).path("profiles").path(0).asText(),
                    optional + " is optional: profile alerting");
        }
    }

    private static List<String> command(String service) {
        JsonNode command = services.path(service).path("command");
        assertTrue(command.isArray(), "Service " + service + " should use the list form of command, got: " + command);
        List<String> args = new ArrayList<>();
        command.forEach(a -> args.add(a.asText()));
        return args;
    }

    private static List<String> dependsOn(String service) {
        JsonNode deps = services.path(service).path("depends_on");
        List<String> names = new ArrayList<>();
        if (deps.isArray()) {
            deps.forEach(d -> names.add(d.asText()));
        } else {
            deps.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Short volume syntax only ({@code source:target[:mode]}), which is what the compose file uses. */
    private static boolean isUnderMount(String service, String containerPath, String requiredSource) {
        for (JsonNode volume : services.path(service).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && containerPath.startsWith(parts[1] + "/")
                    && (requiredSource == null || requiredSource.equals(parts[0]))) {
                return true;
            }
        }
        return false;
    }

    /** Surefire runs in the module directory; the compose file sits at the repository root above it. */
    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("No " + COMPOSE_FILE + " in " + Path.of("").toAbsolutePath() + " or above");
    }
}
