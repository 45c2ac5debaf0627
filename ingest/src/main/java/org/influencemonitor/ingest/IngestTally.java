package org.influencemonitor.ingest;

/**
 * A source's counts at one moment. Once a source has settled (every record acknowledged or refused),
 * {@code read = published + duplicates + rejected + skipped + failed}; before that the difference is
 * {@link #pending()}. {@code failed} is what Kafka acknowledged neither as an article nor as a dead
 * letter (it could not be reached): it stays 0 while Kafka is up, and a run that has any exits non-zero.
 */
public record IngestTally(long read, long published, long duplicates, long rejected, long skipped, long failed) {
    public long pending() {
        return read - published - duplicates - rejected - skipped - failed;
    }

    public boolean addsUp() {
        return pending() == 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(published).append(" published, ").append(duplicates)
                .append(duplicates == 1 ? " duplicate, " : " duplicates, ").append(rejected).append(" rejected, ")
                .append(skipped).append(" skipped");
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        if (pending() != 0) {
            s.append(", ").append(pending()).append(" pending");
        }
        return s.toString();
    }
}
