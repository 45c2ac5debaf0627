package org.influencemonitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.influencemonitor.ingest.gdelt.GdeltFollower;
import org.influencemonitor.ingest.gdelt.GdeltIngest;
import org.influencemonitor.ingest.gdelt.GdeltInput;
import org.influencemonitor.ingest.rss.FeedStateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code monitor ingest gdelt}: GDELT GKG 2.1 files and DOC 2.0 ArtList answers, once or followed. */
@Command(name = "gdelt", description = {
        "Publish GDELT data: a GKG 2.1 file (tab-separated, plain or zipped) or a DOC 2.0 ArtList JSON answer, by",
        "path or URL. GKG locations (FIPS 10-4) become ISO 3166-1 country_hints. With --follow, LOCATION is a",
        "directory mirroring the 15-minute files or a lastupdate.txt-style index, read again every --interval;",
        "files already read are remembered in " + FeedStateStore.TOPIC + ", also across restarts."},
        footer = {"", "Examples:",
                "  ./monitor ingest gdelt 20241018140000.gkg.csv.zip --bootstrap-servers localhost:9092",
                "  ./monitor ingest gdelt artlist.json",
                "  ./monitor ingest gdelt /data/gdelt-mirror --follow --interval 1m",
                "  ./monitor ingest gdelt http://data.gdeltproject.org/gdeltv2/lastupdate.txt --follow --interval 15m"})
public class IngestGdeltCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|URL|DIR", description = "A GKG or ArtList file or URL; with --follow a directory or index.")
    String location;

    @Option(names = "--follow", description = "Keep reading new files of a directory or index until SIGTERM or Ctrl-C.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "With --follow: how often to look for new files (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    IngestOptions ingest;

    @Override
    public Integer call() throws InterruptedException {
        if (interval.isNegative() || interval.isZero()) {
            throw new UserError("--interval must be positive, got " + interval);
        }
        var out = spec.commandLine().getOut();
        AtomicInteger files = new AtomicInteger();
        AtomicInteger failedFiles = new AtomicInteger();
        try (IngestRun run = new IngestRun(kafka, ingest, out, "Ingest gdelt")) {
            run.summary(() -> "read " + run.intake().counts().tally().read() + " records: " + run.intake().counts().tally()
                    + "; " + files.get() + " files (" + failedFiles.get() + " failed)");
            GdeltIngest gdelt = new GdeltIngest(run.intake());
            if (follow) {
                try (FeedStateStore store = new FeedStateStore(kafka.bootstrapServers(), kafka.clientProperties())) {
                    GdeltFollower follower = new GdeltFollower(location, gdelt, store, Clock.systemUTC());
                    out.println("Following " + location + " every " + interval + "; Ctrl-C to stop.");
                    out.flush();
                    while (!run.stopRequested()) {
                        GdeltFollower.Pass pass = follower.pass();
                        files.addAndGet(pass.read() + pass.failed());
                        failedFiles.addAndGet(pass.failed());
                        run.awaitStop(interval);
                    }
                }
            } else {
                for (String file : once()) {
                    files.incrementAndGet();
                    try (InputStream in = GdeltInput.open(file)) {
                        gdelt.ingest(in, file);
                    } catch (IOException e) {
                        failedFiles.incrementAndGet();
                        spec.commandLine().getErr().println("monitor: " + file + ": " + e.getMessage());
                    }
                }
            }
            run.publisher().awaitSettled();
            run.printSummary();
            if (failedFiles.get() > 0 && !follow) {
                throw new UserError(failedFiles.get() + " of " + files.get() + " files could not be read");
            }
            return 0;
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The file or URL itself, or a directory's data files in name order. */
    private java.util.List<String> once() throws IOException {
        Path path = Path.of(location);
        if (GdeltInput.isUrl(location) || !Files.isDirectory(path)) {
            return java.util.List.of(location);
        }
        try (var entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }
}
