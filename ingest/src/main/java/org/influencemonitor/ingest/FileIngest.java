package org.influencemonitor.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a JSON Lines stream of articles, one per line. A bad line is reported with its line number,
 * sent to the dead-letter topic with its reason, and ingestion goes on; blank lines are skipped. The
 * summary's counts add up to the lines read.
 */
public final class FileIngest {
    private static final Logger LOG = LoggerFactory.getLogger(FileIngest.class);

    private final ArticleLineParser parser;
    private final ArticlePublisher publisher;

    public FileIngest(ArticleLineParser parser, ArticlePublisher publisher) {
        this.parser = parser;
        this.publisher = publisher;
    }

    /** What a run did; {@code latestPublishedAt} is the newest event time seen, null if none. */
    public record Summary(long lines, long published, long rejected, long skipped, Instant latestPublishedAt) {
        @Override
        public String toString() {
            return lines + " lines: " + published + " published, " + rejected + " rejected, " + skipped + " skipped";
        }
    }

    public Summary ingest(Reader input, String sourceName) throws IOException {
        long lines = 0;
        long published = 0;
        long rejected = 0;
        long skipped = 0;
        Instant latest = null;
        BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input);
        String line;
        while ((line = reader.readLine()) != null) {
            lines++;
            if (line.isBlank()) {
                skipped++;
                continue;
            }
            ArticleLineParser.Parsed parsed = parser.parse(line);
            if (parsed.isRejected()) {
                rejected++;
                String origin = sourceName + ":" + lines;
                LOG.warn("{} rejected: {}", origin, parsed.rejection());
                publisher.reject(line.getBytes(StandardCharsets.UTF_8), parsed.rejection(), "ingest file " + origin);
                continue;
            }
            publisher.publish(parsed.article());
            published++;
            Instant at = parsed.article().publishedAt();
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        publisher.flush();
        return new Summary(lines, published, rejected, skipped, latest);
    }
}
