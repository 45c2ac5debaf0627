package org.influencemonitor.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends each alert as one JSON line, exactly as it was on the topic, and forces the file to disk
 * before the batch counts as delivered.
 */
public final class JsonLinesFileChannel implements AlertChannel {
    private static final byte[] NEWLINE = {'\n'};
    private final FileChannel file;

    public JsonLinesFileChannel(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public void deliver(List<DeliveredAlert> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        for (DeliveredAlert alert : batch) {
            write(alert.json());
            write(NEWLINE);
        }
        file.force(false);
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
