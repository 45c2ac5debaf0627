package org.influencemonitor.app;

import java.time.Clock;
import java.time.Duration;
import org.influencemonitor.ingest.AcceptedTimes;
import org.influencemonitor.ingest.ArticleRules;
import picocli.CommandLine.Option;

/** What every ingest source checks alike: the accepted publication times, the processor's rule. */
public final class IngestOptions {
    @picocli.CommandLine.Mixin
    MetricsOptions metrics;

    @Option(names = "--future-tolerance", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = {"Reject articles dated more than this after now (default: ${DEFAULT-VALUE}, the processor's",
                    "default); articles dated before 1970 are rejected too."})
    Duration futureTolerance;

    public ArticleRules rules() {
        if (futureTolerance.isNegative()) {
            throw new UserError("--future-tolerance must not be negative, got " + futureTolerance);
        }
        return new ArticleRules(new AcceptedTimes(futureTolerance, Clock.systemUTC()));
    }
}
