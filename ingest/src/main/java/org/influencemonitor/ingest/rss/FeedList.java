package org.influencemonitor.ingest.rss;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A feeds file: one feed per line, {@code URL [source name] [interval=DURATION]}, with {@code #}
 * comments and blank lines ignored. For example:
 *
 * <pre>
 * # Moldovan and Romanian outlets
 * https://www.ipn.md/en/rss    IPN Moldova     interval=10m
 * https://example.org/atom.xml
 * </pre>
 *
 * Mistakes name the line, since a feeds file is read once at start and a bad one stops the command.
 */
public final class FeedList {
    private FeedList() {
    }

    public static List<FeedSpec> parse(List<String> lines, Duration defaultInterval, Function<String, Duration> durations,
                                       String fileName) {
        List<FeedSpec> feeds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf(" #");
            String content = (line.strip().startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String where = fileName + ":" + (i + 1);
            String[] words = content.split("\\s+");
            Duration interval = defaultInterval;
            List<String> name = new ArrayList<>();
            for (int w = 1; w < words.length; w++) {
                if (words[w].startsWith("interval=")) {
                    try {
                        interval = durations.apply(words[w].substring("interval=".length()));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage());
                    }
                } else {
                    name.add(words[w]);
                }
            }
            try {
                feeds.add(new FeedSpec(new URI(words[0]), name.isEmpty() ? null : String.join(" ", name), interval));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(where + ": not a URL: " + words[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException(fileName + " lists no feeds");
        }
        return feeds;
    }
}
