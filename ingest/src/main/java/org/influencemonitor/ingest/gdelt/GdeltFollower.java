package org.influencemonitor.ingest.gdelt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.influencemonitor.ingest.rss.FeedState;
import org.influencemonitor.ingest.rss.FeedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a mirror of GDELT's 15-minute files as it grows: a directory (its files in name order, which
 * for GDELT's {@code YYYYMMDDHHMMSS.gkg.csv.zip} names is time order) or a {@code lastupdate.txt}-style
 * index ({@code size md5 url} per line, a local file or a URL; its GKG entries). Each pass reads the
 * files not read before; which those are is kept in the state topic, so a restart does not read a
 * mirror again from the start. A file that fails is not remembered and is tried again on the next pass.
 */
public final class GdeltFollower {
    private static final Logger LOG = LoggerFactory.getLogger(GdeltFollower.class);

    private final String location;
    private final GdeltIngest ingest;
    private final FeedStateStore store;
    private final Clock clock;
    private FeedState state;

    public GdeltFollower(String location, GdeltIngest ingest, FeedStateStore store, Clock clock) throws IOException {
        this.location = location;
        this.ingest = ingest;
        this.store = store;
        this.clock = clock;
        store.ensureTopic();
        this.state = store.loadAll().getOrDefault(key(), FeedState.empty(location));
    }

    /** Reads every file not read before; returns how many were read, and how many failed. */
    public record Pass(int read, int failed) {
    }

    public Pass pass() throws IOException {
        Set<String> done = state.seenSet();
        int read = 0;
        int failed = 0;
        for (String file : files()) {
            if (done.contains(file)) {
                continue;
            }
            try (InputStream in = GdeltInput.open(file)) {
                ingest.ingest(in, file);
            } catch (IOException e) {
                LOG.warn("{}: {}", file, e.getMessage());
                failed++;
                continue;
            }
            read++;
            state = state.after(null, null, List.of(file), clock.instant());
            store.save(key(), state);
        }
        return new Pass(read, failed);
    }

    private String key() {
        return "gdelt " + location;
    }

    private List<String> files() throws IOException {
        if (!GdeltInput.isUrl(location) && Files.isDirectory(Path.of(location))) {
            try (Stream<Path> entries = Files.list(Path.of(location))) {
                return entries.filter(Files::isRegularFile).map(Path::toString)
                        .filter(GdeltFollower::isDataFile).sorted().toList();
            }
        }
        List<String> files = new ArrayList<>();
        String index;
        try (InputStream in = GdeltInput.open(location)) {
            index = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
        }
        for (String line : index.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            String entry = parts[parts.length - 1];
            if (!entry.isEmpty() && entry.toLowerCase(Locale.ROOT).contains(".gkg.")) {
                files.add(entry);
            }
        }
        return files;
    }

    /** GDELT data files and what a mirror may hold of them; never half-written temporaries. */
    private static boolean isDataFile(String name) {
        String lower = Path.of(name).getFileName().toString().toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && !lower.endsWith(".tmp") && !lower.endsWith(".part")
                && (lower.endsWith(".csv") || lower.endsWith(".zip") || lower.endsWith(".gz") || lower.endsWith(".json"));
    }
}
