package org.influencemonitor.ingest.rss;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.influencemonitor.ingest.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed on its own interval, each on its own schedule, so a slow or failing feed delays no
 * other. A feed that fails (unreachable, an HTTP error, an HTML page, not a feed) is polled again after
 * a {@link Backoff} that doubles with each failure in a row, and one success puts it back on its interval.
 */
public final class RssIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RssIngest.class);

    private final List<FeedPoller> pollers = new ArrayList<>();
    private final Map<FeedSpec, Integer> failuresInARow = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private ScheduledExecutorService scheduler;

    /** Loads the feeds' state from the state topic (creating it if needed) and prepares a poller per feed. */
    public RssIngest(List<FeedSpec> feeds, Intake intake, FeedStateStore store, Clock clock) throws IOException {
        store.ensureTopic();
        Map<String, FeedState> states = store.loadAll();
        FeedFetcher fetcher = new FeedFetcher();
        for (FeedSpec feed : feeds) {
            FeedState state = states.getOrDefault(feed.stateKey(), FeedState.empty(feed.url().toString()));
            pollers.add(new FeedPoller(feed, state, intake, fetcher, store, clock));
        }
    }

    /** Feed-level counts: polls made, of which answered 304, of which failed. */
    public record PollCounts(long polls, long notModified, long failed) {
        @Override
        public String toString() {
            return polls + " polls (" + notModified + " not modified, " + failed + " failed)";
        }
    }

    public PollCounts pollCounts() {
        return new PollCounts(polls.get(), notModified.get(), failures.get());
    }

    /** Polls every feed once, one after the other, and returns what each did. */
    public List<FeedPoll> pollOnce() {
        List<FeedPoll> results = new ArrayList<>();
        for (FeedPoller poller : pollers) {
            results.add(record(poller.poll()));
        }
        return results;
    }

    /** Polls every feed now and then on its schedule, until {@link #close()}. */
    public void start() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(Math.min(4, pollers.size()), r -> {
            Thread t = new Thread(r, "rss-poller");
            t.setDaemon(true);
            return t;
        });
        // On close, a poll in progress finishes (its items settled, its state saved); none is started.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = executor;
        for (FeedPoller poller : pollers) {
            scheduler.execute(() -> pollAndReschedule(poller));
        }
    }

    private void pollAndReschedule(FeedPoller poller) {
        Duration next;
        try {
            next = delayAfter(record(poller.poll()));
        } catch (RuntimeException e) {
            LOG.error("{}: poll failed: {}", poller.feed().url(), e.toString());
            next = backoff(poller.feed(), null);
        }
        try {
            scheduler.schedule(() -> pollAndReschedule(poller), next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closed while this poll ran: nothing more to schedule.
        }
    }

    private FeedPoll record(FeedPoll poll) {
        polls.incrementAndGet();
        if (poll.notModified()) {
            notModified.incrementAndGet();
        }
        if (!poll.ok()) {
            failures.incrementAndGet();
            LOG.warn("{}: {}", poll.feed().url(), poll.error());
        } else if (!poll.notModified()) {
            LOG.info("{}: {} items, {} published, {} duplicates, {} rejected", poll.feed().url(), poll.items(),
                    poll.published(), poll.duplicates(), poll.rejected());
        }
        return poll;
    }

    private Duration delayAfter(FeedPoll poll) {
        if (poll.ok()) {
            failuresInARow.remove(poll.feed());
            return poll.feed().interval();
        }
        return backoff(poll.feed(), poll.retryAfter());
    }

    private Duration backoff(FeedSpec feed, Duration retryAfter) {
        return Backoff.after(feed.interval(), failuresInARow.merge(feed, 1, Integer::sum), retryAfter);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
