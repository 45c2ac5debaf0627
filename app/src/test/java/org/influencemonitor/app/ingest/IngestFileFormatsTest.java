package org.influencemonitor.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.app.TopicSetup;
import org.influencemonitor.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor ingest file} beyond JSON Lines and beyond the happy path, on a real broker: gzipped CSV
 * with mapped columns, a record the broker itself refuses among good ones, a seeded fuzz of the reader,
 * SIGTERM while reading standard input, and the 2016 corpus when it is there.
 */
class IngestFileFormatsTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) (?:lines|records) read: (\\d+) published, (\\d+) duplicates?, (\\d+) rejected, (\\d+) skipped");

    @TempDir
    Path dir;

    /** read, published, duplicates, rejected, skipped as printed; fails unless they add up. */
    static long[] counts(String out) {
        Matcher m = SUMMARY.matcher(out);
        assertTrue(m.find(), "no summary in: " + out);
        long[] c = new long[5];
        for (int i = 0; i < 5; i++) {
            c[i] = Long.parseLong(m.group(i + 1));
        }
        assertEquals(c[0], c[1] + c[2] + c[3] + c[4], "read = published + duplicates + rejected + skipped: " + m.group());
        return c;
    }

    @Test
    void aGzippedCsvWithMappedColumnsAndQuotedLineBreaks() throws IOException {
        String csv = "link,headline,body,date,extra\n"
                + "https://csv.example/1,\"Moldova, the vote\",\"The Kremlin\ndenies it\",2024-10-18T14:05:00Z,x\n"
                + "https://csv.example/2,Second,Body,2024-10-18T15:05:00+01:00,y\n"
                + "https://csv.example/3,Third,Body,yesterday,z\n"
                + "https://csv.example/4,too,many,fields,here,now\n"
                + "\n"
                + "https://csv.example/5,Fifth,,,\n";
        Path file = dir.resolve("export.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        MonitorRun run = MonitorRun.of("ingest", "file", file.toString(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--column", "url=link", "--column", "title=headline", "--column", "text=body", "--column", "published_at=date",
                "--progress", "off");

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(7L, 3L, 0L, 2L, 2L), boxed(counts(run.out())), "header and blank line skipped: " + run.out());
        var articles = new IngestedTopics(KAFKA.bootstrapServers()).articles("https://csv.example/").stream()
                .collect(Collectors.toMap(p -> p.article().url(), p -> p.article()));
        assertEquals("The Kremlin\ndenies it", articles.get("https://csv.example/1").text());
        assertEquals(Instant.parse("2024-10-18T14:05:00Z"), articles.get("https://csv.example/2").publishedAt());
        assertTrue(articles.get("https://csv.example/5").publishedAtFromIngest());
        var dead = new IngestedTopics(KAFKA.bootstrapServers()).deadLetters("ingest file " + file + ":");
        assertEquals(Map.of("ingest file " + file + ":5", "published_at \"yesterday\" is not an ISO-8601 timestamp such as \"2024-10-18T14:05:00Z\"",
                        "ingest file " + file + ":6", "the record has 6 fields, the header has 5"),
                dead.stream().collect(Collectors.toMap(IngestedTopics.DeadLetter::origin, IngestedTopics.DeadLetter::reason)),
                "line numbers count the quoted line break: the third record starts on line 5");
    }

    @Test
    void anArticleTheBrokerRefusesDoesNotTakeTheGoodArticlesOfItsBatchWithIt() throws Exception {
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new java.util.Properties(), 1);
        // The broker refuses records older than a day, and refuses the whole batch that holds one: the
        // failure of issue 8, made with a topic setting instead of a future date (which ingest now rejects).
        setRawTopicConfig("message.timestamp.before.max.ms", String.valueOf(Duration.ofDays(1).toMillis()));
        try {
            Instant now = Instant.now();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                Instant at = i == 5 ? now.minus(Duration.ofDays(3)) : now.minus(Duration.ofMinutes(i));
                lines.append("{\"url\":\"https://batch.example/").append(i).append("\",\"title\":\"Moldova votes\",\"published_at\":\"")
                        .append(at).append("\"}\n");
            }
            Path file = dir.resolve("batch.jsonl");
            Files.writeString(file, lines);

            MonitorRun run = MonitorRun.of("ingest", "file", file.toString(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                    "--progress", "off");

            assertEquals(0, run.exit(), run.err());
            assertEquals(List.of(11L, 10L, 0L, 1L, 0L), boxed(counts(run.out())), run.out());
            assertEquals(10, new IngestedTopics(KAFKA.bootstrapServers()).articles("https://batch.example/").size());
            var dead = new IngestedTopics(KAFKA.bootstrapServers()).deadLetters("ingest file " + file + ":6");
            assertEquals(1, dead.size());
            assertTrue(dead.get(0).reason().startsWith("Kafka refused the article: InvalidTimestampException"), dead.get(0).reason());
        } finally {
            setRawTopicConfig("message.timestamp.before.max.ms", null);
        }
    }

    @Test
    void aSeededFuzzOfTheReaderLosesNothingAndCountsEveryLine() throws IOException {
        Random random = new Random(20161108);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        int lines = 1_500;
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                input.write('\n');
            }
            byte[] line = ("{\"url\":\"https://fuzz.example/" + i + "\",\"title\":\"Moldova votes " + i
                    + "\",\"text\":\"Chișinău: the Kremlin denies it\",\"published_at\":\"2024-10-18T14:05:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8);
            input.writeBytes(mutate(line, random));
        }
        Path file = dir.resolve("fuzz.jsonl");
        Files.write(file, input.toByteArray());
        // A flipped byte may change a URL, so articles are counted by what the run added to the topic.
        int rawBefore = TopicSnapshot.read(KAFKA.bootstrapServers(), new java.util.Properties(), Topics.ARTICLES_RAW).size();

        MonitorRun run = MonitorRun.of("ingest", "file", file.toString(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--progress", "off");

        assertEquals(0, run.exit(), run.err());
        long[] c = counts(run.out());
        assertEquals(lines, c[0], "every line is read, whatever came before it");
        assertTrue(c[1] > 0 && c[3] > 0, "the fuzz leaves some lines intact and breaks others: " + run.out());
        IngestedTopics topics = new IngestedTopics(KAFKA.bootstrapServers());
        var added = TopicSnapshot.read(KAFKA.bootstrapServers(), new java.util.Properties(), Topics.ARTICLES_RAW)
                .subList(rawBefore, rawBefore + (int) c[1]);
        assertEquals(c[1], added.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct().count(),
                "every article counted as published is on articles.raw, once");
        assertEquals(rawBefore + c[1], TopicSnapshot.read(KAFKA.bootstrapServers(), new java.util.Properties(),
                Topics.ARTICLES_RAW).size(), "and nothing else");
        assertEquals(c[3], topics.deadLetters("ingest file " + file + ":").size(), "every rejected line is a dead letter");
    }

    @Test
    void sigtermWhileReadingStandardInputFlushesAndPrintsCountsThatAddUp() throws Exception {
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new java.util.Properties(), 1);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.influencemonitor.app.Monitor", "ingest", "file", "-", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--progress", "off").redirectError(dir.resolve("child.err").toFile())
                .redirectOutput(dir.resolve("child.out").toFile()).start();
        try (OutputStream stdin = child.getOutputStream()) {
            for (int i = 0; i < 40; i++) {
                stdin.write(("{\"url\":\"https://sigterm.example/" + i + "\",\"title\":\"Moldova votes\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            stdin.write("not json\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            IngestedTopics topics = new IngestedTopics(KAFKA.bootstrapServers());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (topics.articles("https://sigterm.example/").size() < 40 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(40, topics.articles("https://sigterm.example/").size(), "the articles arrive while stdin stays open");
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits after SIGTERM");
        }
        String out = Files.readString(dir.resolve("child.out"));
        assertEquals(List.of(41L, 40L, 0L, 1L, 0L), boxed(counts(out)), out + Files.readString(dir.resolve("child.err")));
        assertEquals(143, child.exitValue(), "the JVM's exit status for SIGTERM");
    }

    @Test
    void theRealArticlesCorpusWhenItIsThere() throws IOException {
        Path corpus = Path.of("../../shared/corpus/fakenewsnet-2016.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(corpus), "no corpus beside the checkout");
        long lines = Files.lines(corpus).count();

        MonitorRun run = MonitorRun.of("ingest", "file", corpus.toString(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--progress", "off");

        assertEquals(0, run.exit(), run.err());
        long[] c = counts(run.out());
        assertEquals(lines, c[0]);
        System.out.println("corpus: " + run.out().strip());
    }

    private static List<Long> boxed(long[] counts) {
        List<Long> out = new ArrayList<>();
        for (long c : counts) {
            out.add(c);
        }
        return out;
    }

    /** One of: intact, a flipped byte, cut short, invalid UTF-8 inserted, deep nesting, a huge line, garbage. */
    private static byte[] mutate(byte[] line, Random random) {
        int kind = random.nextInt(10);
        byte[] out = line.clone();
        switch (kind) {
            case 0, 1, 2, 3 -> {
                return out;
            }
            case 4 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 5 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length));
            case 6 -> {
                int at = random.nextInt(out.length);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(out, 0, at);
                b.write(0xC0 | random.nextInt(32));
                b.write(out, at, out.length - at);
                out = b.toByteArray();
            }
            case 7 -> out = ("[".repeat(2_000 + random.nextInt(10_000)) + "]").getBytes(StandardCharsets.US_ASCII);
            case 8 -> {
                if (random.nextInt(30) == 0) {
                    out = ("{\"url\":\"https://fuzz.example/huge\",\"text\":\"" + "z".repeat(10 * 1024 * 1024) + "\"}")
                            .getBytes(StandardCharsets.US_ASCII);
                } else {
                    out = new String(out, StandardCharsets.UTF_8).replace("\"title\"", "\"title\":12,\"x\"").getBytes(StandardCharsets.UTF_8);
                }
            }
            default -> {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                random.nextBytes(garbage);
                for (int i = 0; i < garbage.length; i++) {
                    if (garbage[i] == '\n') {
                        garbage[i] = '\r';
                    }
                }
                out = garbage;
            }
        }
        return out;
    }

    private static void setRawTopicConfig(String name, String value) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES_RAW);
            AlterConfigOp op = value == null ? new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
            Collection<AlterConfigOp> ops = List.of(op);
            admin.incrementalAlterConfigs(Map.of(raw, ops)).all().get(30, TimeUnit.SECONDS);
        }
    }
}
