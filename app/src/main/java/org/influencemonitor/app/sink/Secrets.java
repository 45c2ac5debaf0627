package org.influencemonitor.app.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.influencemonitor.app.UserError;

/** Secrets come from files (or the environment), never from the command line, and never into a message. */
public final class Secrets {
    private Secrets() {
    }

    /** The file's content without surrounding whitespace (editors and {@code echo} add a newline). */
    public static String read(Path file, String option) {
        String value;
        try {
            value = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UserError("cannot read " + option + " " + file + ": " + e.getClass().getSimpleName());
        }
        if (value.isEmpty()) {
            throw new UserError(option + " " + file + " is empty");
        }
        return value;
    }
}
