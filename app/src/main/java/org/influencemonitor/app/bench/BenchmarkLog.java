package org.influencemonitor.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one bench result to BENCHMARKS.md as a dated section with everything needed to judge it: the
 * machine, the load it was under and the exact command. Results are only ever appended, so the file keeps
 * every run, as its other sections do.
 */
final class BenchmarkLog {
    private BenchmarkLog() {
    }

    static void append(Path file, String section) {
        try {
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String separator = existing.isEmpty() || existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
            Files.writeString(file, separator + section, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new BenchFailure("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
