package org.influencemonitor.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one channel, all tagged {@code channel=<name>}: what it delivered, how often it retried,
 * what it gave up on, and whether it is disabled. Together with the consumer group's lag they answer
 * "is every alert getting out?".
 */
public final class SinkMetrics {
    public static final String DELIVERED = "monitor.sink.delivered";
    public static final String RETRIES = "monitor.sink.retries";
    public static final String DEAD_LETTERS = "monitor.sink.dead.letters";
    public static final String DISABLED = "monitor.sink.disabled";
    public static final String CHANNEL_TAG = "channel";
    /** On {@link #DEAD_LETTERS}: {@code invalid} (not a readable alert) or {@code undeliverable} (gave up). */
    public static final String FAILURE_TAG = "failure";

    private final Counter delivered;
    private final Counter retries;
    private final Counter invalid;
    private final Counter undeliverable;
    private final AtomicInteger disabled = new AtomicInteger();

    public SinkMetrics(MeterRegistry registry, String channel) {
        delivered = Counter.builder(DELIVERED).description("Alert events the channel delivered")
                .tag(CHANNEL_TAG, channel).register(registry);
        retries = Counter.builder(RETRIES).description("Delivery attempts repeated after a failure")
                .tag(CHANNEL_TAG, channel).register(registry);
        invalid = Counter.builder(DEAD_LETTERS).description("Records sent to alerts.dlq")
                .tag(CHANNEL_TAG, channel).tag(FAILURE_TAG, "invalid").register(registry);
        undeliverable = Counter.builder(DEAD_LETTERS).description("Records sent to alerts.dlq")
                .tag(CHANNEL_TAG, channel).tag(FAILURE_TAG, "undeliverable").register(registry);
        Gauge.builder(DISABLED, disabled, AtomicInteger::get)
                .description("1 once the destination asked not to be called again (HTTP 410)")
                .tag(CHANNEL_TAG, channel).register(registry);
    }

    void delivered(int n) {
        delivered.increment(n);
    }

    void retried() {
        retries.increment();
    }

    void deadLettered(DeadLetter.Failure failure) {
        (failure == DeadLetter.Failure.INVALID ? invalid : undeliverable).increment();
    }

    void disabled() {
        disabled.set(1);
    }

    public long deliveredCount() {
        return (long) delivered.count();
    }

    public long retryCount() {
        return (long) retries.count();
    }

    public long deadLetterCount() {
        return (long) (invalid.count() + undeliverable.count());
    }
}
