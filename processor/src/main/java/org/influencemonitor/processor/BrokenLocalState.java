package org.influencemonitor.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discards a task's local state that a SIGKILL left unreadable, before Kafka Streams opens it. A process
 * killed while RocksDB creates a store (a window store opens a new segment every so often) can leave a
 * {@code CURRENT} file naming a {@code MANIFEST} that was never written; Kafka Streams 4.4 then fails in
 * {@code KafkaStreams.start()} (opening its start-up stores) instead of treating the task as corrupted, so
 * the processor exits at every restart. Local state is a copy of the changelogs: the task's directory is
 * deleted, and Kafka Streams restores it from them, as it does for any task without a checkpoint under
 * exactly-once.
 */
final class BrokenLocalState {
    private static final Logger LOG = LoggerFactory.getLogger(BrokenLocalState.class);

    private BrokenLocalState() {
    }

    /** Deletes every task directory of the application in {@code props}' state directory that holds a broken store. */
    static void discard(Properties props) {
        Object appId = props.get(StreamsConfig.APPLICATION_ID_CONFIG);
        Object stateDir = props.getOrDefault(StreamsConfig.STATE_DIR_CONFIG,
                Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString());
        if (appId == null) {
            return;
        }
        Path app = Path.of(stateDir.toString(), appId.toString());
        if (!Files.isDirectory(app)) {
            return;
        }
        try (Stream<Path> tasks = Files.list(app)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                if (holdsBrokenStore(task)) {
                    LOG.warn("Local state of task {} cannot be opened (a store left half-created by an unclean stop); "
                            + "discarding it, to be restored from the changelogs", task.getFileName());
                    delete(task);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state directory " + app, e);
        }
    }

    private static boolean holdsBrokenStore(Path task) throws IOException {
        try (Stream<Path> files = Files.walk(task)) {
            for (Path current : files.filter(f -> f.getFileName().toString().equals("CURRENT")).toList()) {
                String manifest = Files.readString(current, StandardCharsets.UTF_8).strip();
                if (manifest.isEmpty() || !Files.exists(current.resolveSibling(manifest))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
