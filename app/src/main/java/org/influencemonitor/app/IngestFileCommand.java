package org.influencemonitor.app;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.ingest.file.CsvFormat;
import org.influencemonitor.ingest.file.JsonLinesFormat;
import org.influencemonitor.ingest.file.RecordFormat;
import org.influencemonitor.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code monitor ingest file}: a JSON Lines or CSV file, gzipped or not, or standard input. */
@Command(name = "file", description = {
        "Publish a file of articles (or - for standard input): JSON Lines, one article per line, or CSV with a",
        "header row; gzip is recognised by its first bytes. Bad records are reported with their line number and",
        "sent to articles.dlq with the reason; ingestion goes on. Prints read = published + duplicates +",
        "rejected + skipped at the end, also when stopped with Ctrl-C or SIGTERM."},
        footer = {"", "Examples:",
                "  ./monitor ingest file samples/articles.jsonl --bootstrap-servers localhost:9092",
                "  ./monitor ingest file history.jsonl --advance-clock 75m   # a replay: close its last windows too",
                "  ./monitor ingest file export.csv.gz --column title=headline --column published_at=date",
                "  cat my-articles.jsonl | ./monitor ingest file -"})
public class IngestFileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH|-", description = "The file to read, or - for standard input.")
    String path;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    IngestOptions ingest;

    @Option(names = "--format", paramLabel = "auto|jsonl|csv", defaultValue = "auto",
            description = "Record format (default: ${DEFAULT-VALUE}: csv for a name ending .csv or .csv.gz, else jsonl).")
    String format;

    @Option(names = "--column", paramLabel = "FIELD=COLUMN",
            description = {"CSV: read FIELD (id, url, source, title, text, language, published_at, country_hints)",
                    "from the column named COLUMN; repeatable. Unmapped fields are read from a column of their own name."})
    Map<String, String> columns = Map.of();

    @Option(names = "--progress", paramLabel = "auto|bar|log|off", defaultValue = "auto",
            description = "Progress on standard error: a bar on a terminal, a log line every 5 s otherwise (default: ${DEFAULT-VALUE}).")
    String progress;

    @Option(names = "--advance-clock", paramLabel = "DURATION", converter = DurationConverter.class,
            description = {"After the last line, tell the processor that event time has reached the newest",
                    "published_at plus DURATION (via monitor.clock), so a replay's last windows close.",
                    "Use the processor's window plus grace, e.g. 75m for the defaults. The tick is sent",
                    "once the processor (--application-id) has read every article, so it overtakes none."})
    Duration advanceClock;

    @Option(names = "--application-id", defaultValue = org.influencemonitor.processor.StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "With --advance-clock: the processor to wait for (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String name = path.equals("-") ? "stdin" : path;
        RecordFormat recordFormat = recordFormat();
        IngestProgress.Mode mode = progressMode();
        var out = spec.commandLine().getOut();
        InputStream opened = open();
        long size = path.equals("-") ? -1 : Files.size(Path.of(path));
        try (CountingStream input = new CountingStream(opened);
             IngestRun run = new IngestRun(kafka, ingest, out, "Ingested " + name)) {
            FileIngest files = new FileIngest(run.intake(), recordFormat);
            FileIngest.Summary summary;
            try (IngestProgress ignored = IngestProgress.start(mode, IngestProgress.LOG_INTERVAL, name,
                    () -> files.counts().tally(), input::count, size)) {
                summary = files.ingest(input, name, run::stopRequested);
            }
            run.summary(() -> summary.lines() + " " + recordFormat.unit() + " read: " + summary.tally()
                    + (summary.stoppedBecause() == null ? "" : " (stopped: " + summary.stoppedBecause() + ")"));
            if (summary.stoppedBecause() == null && advanceClock != null && summary.latestPublishedAt() != null) {
                tick(run, summary);
            }
            run.printSummary();
            if (summary.stoppedBecause() != null && !run.stopRequested()) {
                throw new UserError(summary.stoppedBecause());
            }
            if (summary.failed() > 0) {
                throw new UserError(summary.failed() + " records were not written to Kafka (see the log)");
            }
            return 0;
        }
    }

    private void tick(IngestRun run, FileIngest.Summary summary) throws InterruptedException {
        spec.commandLine().getOut().println("Waiting for processor " + applicationId + " to read the articles before the clock tick ...");
        try (PipelineDrain drain = new PipelineDrain(kafka.bootstrapServers(), kafka.clientProperties())) {
            drain.awaitCaughtUp(applicationId, Topics.ARTICLES_RAW::equals, Duration.ofMinutes(30));
        } catch (IllegalStateException | java.util.concurrent.ExecutionException e) {
            throw new UserError("no clock tick sent: " + e.getMessage());
        }
        run.publisher().advanceClock(summary.latestPublishedAt().plus(advanceClock));
        try {
            run.publisher().flush();
        } catch (IllegalStateException e) {
            throw new UserError("no clock tick sent: " + e.getMessage());
        }
    }

    private RecordFormat recordFormat() {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (chosen.equals("auto")) {
            String lower = path.toLowerCase(Locale.ROOT);
            chosen = lower.endsWith(".csv") || lower.endsWith(".csv.gz") ? "csv" : "jsonl";
        }
        if (!columns.isEmpty() && !chosen.equals("csv")) {
            throw new UserError("--column maps CSV columns; " + path + " is read as " + chosen + " (use --format csv)");
        }
        try {
            return switch (chosen) {
                case "jsonl", "json" -> new JsonLinesFormat();
                case "csv" -> new CsvFormat(columns);
                default -> throw new UserError("--format must be auto, jsonl or csv, not " + format);
            };
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private IngestProgress.Mode progressMode() {
        try {
            return IngestProgress.Mode.valueOf(progress.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--progress must be auto, bar, log or off, not " + progress);
        }
    }

    private InputStream open() throws IOException {
        if (path.equals("-")) {
            return System.in;
        }
        Path file = Path.of(path);
        if (Files.isDirectory(file)) {
            throw new UserError(path + " is a directory, not a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + path);
        } catch (IOException e) {
            throw new UserError("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Counts the bytes read from the file as stored, for the progress bar (compressed bytes for gzip). */
    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count = new AtomicLong();

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count.get();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (in != System.in) {
                super.close();
            }
        }
    }
}
