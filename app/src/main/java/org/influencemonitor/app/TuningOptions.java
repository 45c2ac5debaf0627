package org.influencemonitor.app;

import org.influencemonitor.processor.StreamsSettings;
import picocli.CommandLine.Option;

/** How hard a Kafka Streams job works and what it promises; shared by {@code processor} and the bench's baseline. */
public final class TuningOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Kafka Streams stream threads in this instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--processing-guarantee", paramLabel = "GUARANTEE", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 (no alert lost or repeated across a crash) or at_least_once "
                    + "(faster commits; after a crash an alert may repeat) (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    public StreamsSettings.Tuning tuning() {
        try {
            return StreamsSettings.Tuning.of(processingGuarantee, threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("processing guarantee", "--processing-guarantee")
                    .replace("threads", "--threads"));
        }
    }
}
