package org.influencemonitor.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.influencemonitor.app.HostileCorpus;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.Topics;

/**
 * The hostile corpus through every entry point of one running pipeline, one entry point after the other:
 * {@code ingest file PATH}, {@code ingest file -}, a push to {@code ingest http}, and records produced
 * straight to {@code articles.raw}. Each entry point's articles carry URLs (or ids) of their own, so what
 * reached {@code articles.enriched} is counted per entry point from the topic itself; dead letters are
 * counted from {@code articles.dlq} by their origin header (ingest's) or as the processor's new ones while
 * that entry point ran. The processor, the broker and the HTTP ingest must still be running after all of it.
 */
final class HostileRun {
    static final List<String> ENTRY_POINTS = List.of("file", "stdin", "http", "raw");
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) lines read: (\\d+) published, (\\d+) duplicates?, (\\d+) rejected, (\\d+) skipped");
    private static final String ORIGIN = "monitor.error.origin";

    private final Path dir;
    private final PipelineRun pipeline;
    private final String bootstrap;

    private HostileRun(Path dir, PipelineRun pipeline) {
        this.dir = dir;
        this.pipeline = pipeline;
        this.bootstrap = pipeline.broker().bootstrapServers();
    }

    /** Runs {@code entryPoints} (of {@link #ENTRY_POINTS}) in order on a fresh pipeline in {@code dir}. */
    static List<HostileRow> run(Path dir, List<String> entryPoints) throws IOException, InterruptedException {
        try (PipelineRun pipeline = PipelineRun.start(dir, null, Duration.ZERO)) {
            pipeline.startProcessor(0);
            HostileRun run = new HostileRun(dir, pipeline);
            List<HostileRow> rows = new ArrayList<>();
            for (String entry : entryPoints) {
                rows.add(switch (entry) {
                    case "file" -> run.throughIngestFile(false);
                    case "stdin" -> run.throughIngestFile(true);
                    case "http" -> run.throughHttp();
                    case "raw" -> run.straightToRaw();
                    default -> throw new IllegalArgumentException("unknown entry point " + entry);
                });
            }
            return rows;
        }
    }

    private HostileRow throughIngestFile(boolean stdin) throws IOException, InterruptedException {
        String entry = stdin ? "stdin" : "file";
        String prefix = "https://" + entry + ".hostile.example/";
        List<HostileCorpus.Case> cases = HostileCorpus.cases(Instant.now(), prefix);
        byte[] body = HostileCorpus.file(cases);
        long processorDlqBefore = deadLetters(o -> o.startsWith("processor"));
        Path file = Files.write(dir.resolve("hostile-" + entry + ".jsonl"), body);
        ChildProcess ingest = ChildProcess.start("ingest " + entry, List.of("ingest", "file", stdin ? "-" : file.toString(),
                "--bootstrap-servers", bootstrap, "--progress", "off"), dir.resolve("ingest-" + entry + ".log"), stdin);
        if (stdin) {
            try (OutputStream in = ingest.stdin()) {
                in.write(body);
            }
        }
        int exit = ingest.awaitExit(Duration.ofMinutes(3));
        Matcher m = SUMMARY.matcher(ingest.output());
        if (!m.find()) {
            throw new ChaosFailure("ingest " + entry + " printed no summary: " + ingest.lastLine());
        }
        pipeline.awaitDrained(Topics.ARTICLES_RAW::equals);
        String origin = "ingest file " + (stdin ? "stdin" : file.toString()) + ":";
        return new HostileRow("ingest file " + (stdin ? "-" : "PATH"), cases.size(), enriched(url -> url.startsWith(prefix), "url"),
                expected(cases), deadLetters(o -> o.startsWith(origin)), deadLetters(o -> o.startsWith("processor")) - processorDlqBefore,
                Long.parseLong(m.group(3)), Long.parseLong(m.group(5)), 0, running(), "exit code " + exit + "; " + m.group());
    }

    private HostileRow throughHttp() throws IOException, InterruptedException {
        String prefix = "https://http.hostile.example/";
        List<HostileCorpus.Case> cases = HostileCorpus.cases(Instant.now(), prefix);
        long processorDlqBefore = deadLetters(o -> o.startsWith("processor"));
        long ingestDlqBefore = deadLetters(o -> o.startsWith("ingest http"));
        int port = freePort();
        try (ChildProcess http = ChildProcess.start("ingest http", List.of("ingest", "http", "--port", String.valueOf(port),
                "--bootstrap-servers", bootstrap, "--max-body-bytes", String.valueOf(64 * 1024 * 1024)),
                dir.resolve("ingest-http.log"), false)) {
            http.awaitOutput("Taking articles at", Duration.ofMinutes(2));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/articles"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(HostileCorpus.file(cases))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = Json.mapper().readTree(client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            pipeline.awaitDrained(Topics.ARTICLES_RAW::equals);
            JsonNode counts = health.path("counts");
            boolean running = running() && http.isAlive();
            return new HostileRow("ingest http POST", cases.size(), enriched(url -> url.startsWith(prefix), "url"), expected(cases),
                    deadLetters(o -> o.startsWith("ingest http")) - ingestDlqBefore,
                    deadLetters(o -> o.startsWith("processor")) - processorDlqBefore,
                    counts.path("duplicates").asLong(), counts.path("skipped").asLong(), 0, running,
                    "answer " + answer.statusCode() + "; /health counts " + counts);
        }
    }

    private HostileRow straightToRaw() throws InterruptedException {
        String prefix = "raw-hostile-";
        List<RawHostileRecords.Raw> records = RawHostileRecords.of(Instant.now(), prefix);
        long processorDlqBefore = deadLetters(o -> o.startsWith("processor"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        long refused = 0;
        List<String> refusedNames = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (RawHostileRecords.Raw r : records) {
                try {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, r.name().getBytes(StandardCharsets.UTF_8), r.value())).get();
                } catch (ExecutionException e) {
                    refused++;
                    refusedNames.add(r.name() + " (" + e.getCause().getClass().getSimpleName() + ")");
                }
            }
        }
        pipeline.awaitDrained(Topics.ARTICLES_RAW::equals);
        int expected = (int) records.stream().filter(RawHostileRecords.Raw::enriched).count();
        return new HostileRow("produced to articles.raw", records.size(), enriched(id -> id.startsWith(prefix), "id"), expected, 0,
                deadLetters(o -> o.startsWith("processor")) - processorDlqBefore, 0, 0, refused, running(),
                "refused by the producer: " + String.join(", ", refusedNames));
    }

    private static int expected(List<HostileCorpus.Case> cases) {
        return (int) cases.stream().filter(c -> c.expect() == HostileCorpus.Expect.PUBLISHED).count();
    }

    private boolean running() {
        return pipeline.deadProcessors().isEmpty() && pipeline.broker().isAlive();
    }

    private long enriched(Predicate<String> match, String field) {
        return TopicSnapshot.read(bootstrap, new Properties(), Topics.ARTICLES_ENRICHED).stream().filter(r -> {
            try {
                return match.test(Json.mapper().readTree(r.value()).path(field).asText());
            } catch (IOException e) {
                return false;
            }
        }).count();
    }

    private long deadLetters(Predicate<String> origin) {
        return TopicSnapshot.read(bootstrap, new Properties(), Topics.ARTICLES_DLQ).stream().filter(r -> {
            Header h = r.headers().lastHeader(ORIGIN);
            return h != null && origin.test(new String(h.value(), StandardCharsets.UTF_8));
        }).count();
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ChaosFailure("cannot find a free port: " + e.getMessage());
        }
    }
}
