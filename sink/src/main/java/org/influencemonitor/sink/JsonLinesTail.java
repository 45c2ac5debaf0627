package org.influencemonitor.sink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.influencemonitor.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an alert file already holds, read back at start: the crash-recovery half of the file channel. */
final class JsonLinesTail {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesTail.class);
    private static final int CHUNK = 8192;

    private JsonLinesTail() {
    }

    /** Cuts the file after its last newline: what follows it is a line a crash left unfinished. */
    static void cutIncompleteLastLine(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return;
        }
        try (FileChannel f = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = f.size();
            long keep = size;
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            while (keep > 0) {
                long from = Math.max(0, keep - CHUNK);
                buf.clear().limit((int) (keep - from));
                f.read(buf, from);
                int i = buf.position() - 1;
                while (i >= 0 && buf.get(i) != '\n') {
                    i--;
                }
                if (i >= 0) {
                    keep = from + i + 1;
                    break;
                }
                keep = from;
            }
            if (keep < size) {
                f.truncate(keep);
                f.force(false);
                LOG.warn("{}: removed an incomplete last line ({} bytes) left by an interrupted write; "
                        + "its alert is delivered again from Kafka", path, size - keep);
            }
        }
    }

    /** The {@code (alert_id, update)} of every line that is an alert; other lines are left alone. */
    static Set<EventKey> keysIn(Path path) {
        Set<EventKey> keys = new HashSet<>();
        if (!Files.isRegularFile(path)) {
            return keys;
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.mapper().readTree(line);
                    if (node != null && node.hasNonNull("alert_id")) {
                        keys.add(new EventKey(node.get("alert_id").asText(), node.path("update").asInt(0)));
                    }
                } catch (IOException e) {
                    // not one of ours: it cannot be a duplicate of an alert either
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path, e);
        }
        return keys;
    }
}
