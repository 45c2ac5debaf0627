package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.influencemonitor.ingest.IngestTally;
import org.junit.jupiter.api.Test;

class IngestProgressTest {
    private static final IngestTally TALLY = new IngestTally(12_000, 11_500, 100, 390, 10, 0);

    @Test
    void onATerminalABarWithThePercentageRateAndEta() {
        assertEquals("[#####---------------]  25% 12,000 read, 11,500 published, 390 rejected, 1,200/s, ETA 0:30",
                IngestProgress.line(TALLY, 250, 1_000, Duration.ofSeconds(10), true));
    }

    @Test
    void inALogThePercentageWithoutABarAndWithoutASizeNoEta() {
        assertEquals(" 25% 12,000 read, 11,500 published, 390 rejected, 1,200/s, ETA 0:30",
                IngestProgress.line(TALLY, 250, 1_000, Duration.ofSeconds(10), false));
        assertEquals("12,000 read, 11,500 published, 390 rejected, 1,200/s",
                IngestProgress.line(TALLY, 250, -1, Duration.ofSeconds(10), true), "standard input has no size");
        assertEquals("[####################] 100% 12,000 read, 11,500 published, 390 rejected, 1,200/s",
                IngestProgress.line(TALLY, 1_000, 1_000, Duration.ofSeconds(10), true));
    }
}
