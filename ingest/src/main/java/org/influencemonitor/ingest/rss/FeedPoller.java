package org.influencemonitor.ingest.rss;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.Outcome;
import org.influencemonitor.ingest.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: a conditional GET; items seen before (in this run or, through the state topic, in an
 * earlier one) counted as duplicates without being sent; new items through the {@link Intake}; and once
 * Kafka has settled them all, the feed's new state saved. An item Kafka could not be reached for is not
 * remembered, and the validators are kept as they were, so the next poll fetches and sends it again.
 */
final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedSpec feed;
    private final Intake intake;
    private final FeedFetcher fetcher;
    private final FeedStateStore store;
    private final Clock clock;
    private FeedState state;

    FeedPoller(FeedSpec feed, FeedState state, Intake intake, FeedFetcher fetcher, FeedStateStore store, Clock clock) {
        this.feed = feed;
        this.state = state;
        this.intake = intake;
        this.fetcher = fetcher;
        this.store = store;
        this.clock = clock;
    }

    FeedSpec feed() {
        return feed;
    }

    FeedPoll poll() {
        FeedFetcher.Fetched fetched = fetcher.fetch(feed, state);
        if (fetched instanceof FeedFetcher.Fetched.NotModified) {
            return FeedPoll.notModified(feed);
        }
        if (fetched instanceof FeedFetcher.Fetched.Failed failed) {
            return FeedPoll.failed(feed, failed.reason(), failed.retryAfter().orElse(null));
        }
        FeedFetcher.Fetched.Body body = (FeedFetcher.Fetched.Body) fetched;
        FeedDocument.Parsed parsed = FeedDocument.parse(body.bytes(), body.contentType(), feed.name());
        if (parsed instanceof FeedDocument.Parsed.NotAFeed notAFeed) {
            return FeedPoll.failed(feed, notAFeed.reason(), null);
        }
        List<FeedItem> items = ((FeedDocument.Parsed.Items) parsed).items();
        Set<String> seen = state.seenSet();
        List<FeedItem> sent = new ArrayList<>();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        int duplicates = 0;
        for (FeedItem item : items) {
            if (seen.contains(item.key())) {
                intake.alreadySent(item.key());
                duplicates++;
                continue;
            }
            seen.add(item.key());
            SourceRecord record = SourceRecord.of("ingest rss " + feed.url() + " item " + item.position(), item.asRead());
            sent.add(item);
            outcomes.add(intake.offer(item.candidate(), record));
        }
        List<String> handled = new ArrayList<>();
        int published = 0;
        int rejected = 0;
        int failed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i).join();
            if (outcome instanceof Outcome.Failed) {
                failed++;
                continue;
            }
            handled.add(sent.get(i).key());
            if (outcome instanceof Outcome.Published) {
                published++;
            } else if (outcome instanceof Outcome.Duplicate) {
                duplicates++;
            } else if (outcome instanceof Outcome.Rejected) {
                rejected++;
            }
        }
        boolean complete = failed == 0;
        FeedState next = state.after(complete ? body.etag() : state.etag(),
                complete ? body.lastModified() : state.lastModified(), handled, clock.instant());
        String error = complete ? null : failed + " items were not written to Kafka";
        boolean changed = !handled.isEmpty() || !Objects.equals(next.etag(), state.etag())
                || !Objects.equals(next.lastModified(), state.lastModified());
        if (changed) {
            try {
                store.save(feed.stateKey(), next);
                state = next;
            } catch (IOException e) {
                LOG.error("{}: {}", feed.url(), e.getMessage());
                error = e.getMessage();
            }
        }
        return new FeedPoll(feed, false, items.size(), published, duplicates, rejected, failed, error, null);
    }
}
