package org.influencemonitor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.influencemonitor.processor.tagging.Tagger;
import picocli.CommandLine.Option;

/** Which dictionaries the tagger uses; shared by every command that tags. */
public final class TaggerOptions {
    @Option(names = "--dictionary", paramLabel = "DIR",
            description = "A directory of dictionary files merged over the built-in ones (see docs/tagger.md).")
    Path dictionary;

    public Tagger tagger() {
        if (dictionary == null) {
            return Tagger.defaults();
        }
        if (!Files.isDirectory(dictionary)) {
            throw new UserError("--dictionary " + dictionary + " is not a directory");
        }
        try {
            return Tagger.withOverrides(dictionary);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
