package org.influencemonitor.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each alert as one JSON line, exactly as it was on the topic, and forces the file to disk
 * before the batch counts as delivered. Lines are whole and newline-terminated, so log shippers that
 * tail the file (and follow it through a rename) never see half a line.
 *
 * <p>The file is its own record of what it holds: at start the channel cuts off an incomplete last line
 * (a crash in the middle of a write) and reads the {@link EventKey}s of the lines in the file and in the
 * newest rotated one, and it skips an event it already holds. So a batch delivered again after a crash
 * between the write and the offset commit is not written twice.
 */
public final class JsonLinesFileChannel implements AlertChannel {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFileChannel.class);
    private static final byte[] NEWLINE = {'\n'};

    private final Path path;
    private final FileRotation rotation;
    private final Clock clock;
    private FileChannel file;
    private Set<EventKey> written;
    private Set<EventKey> writtenBeforeRotation;

    public JsonLinesFileChannel(Path path) throws IOException {
        this(path, FileRotation.NEVER, Clock.systemUTC());
    }

    public JsonLinesFileChannel(Path path, FileRotation rotation, Clock clock) throws IOException {
        this.path = path;
        this.rotation = rotation;
        this.clock = clock;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JsonLinesTail.cutIncompleteLastLine(path);
        this.written = JsonLinesTail.keysIn(path);
        this.writtenBeforeRotation = rotation.newestRotated(path).map(JsonLinesTail::keysIn).orElseGet(HashSet::new);
        this.file = open();
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public void deliver(List<DeliveredAlert> batch) throws DeliveryException {
        List<DeliveredAlert> fresh = batch.stream()
                .filter(a -> !written.contains(a.key()) && !writtenBeforeRotation.contains(a.key())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        try {
            long bytes = fresh.stream().mapToLong(a -> a.json().length + 1L).sum();
            if (rotation.isDue(path, file.size(), bytes, clock)) {
                rotate();
            }
            for (DeliveredAlert alert : fresh) {
                write(alert.json());
                write(NEWLINE);
            }
            file.force(false);
        } catch (IOException e) {
            // What was appended before the failure may be a partial line: reopening cuts it off.
            reopenAfterFailure();
            throw DeliveryException.retryable("cannot write " + path + ": " + e.getMessage(), e);
        }
        fresh.forEach(a -> written.add(a.key()));
    }

    private void rotate() throws IOException {
        file.close();
        Path rotated = rotation.rotate(path);
        LOG.info("Rotated {} to {}", path, rotated.getFileName());
        writtenBeforeRotation = written;
        written = new HashSet<>();
        file = open();
    }

    private void reopenAfterFailure() {
        try {
            file.close();
            JsonLinesTail.cutIncompleteLastLine(path);
            file = open();
        } catch (IOException e) {
            LOG.warn("Cannot reopen {}: {}", path, e.getMessage());
        }
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warn("Cannot close {}: {}", path, e.getMessage());
        }
    }
}
