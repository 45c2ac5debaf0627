package org.influencemonitor.processor.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.LateArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article side of one source partition of {@code articles.raw}: decides, once per article, which
 * windows it is new and on time in, and tells the counters so; keeps this partition's count of relevant
 * articles per window, and of every article per feed ({@code source}) per window for the coverage watch
 * (at most {@code maxFeeds} names per window, the rest as {@value #OTHER_FEEDS}, so that a flood of
 * names cannot grow the clock signal without bound); and broadcasts this partition's event time (its
 * watermark) with those counts.
 *
 * <p>Why here and not in the counters: an article id is seen only by the source partition it is keyed to,
 * so deduplication costs one window-store lookup per article instead of an id list per country window;
 * the all-countries totals are partial counts per source partition that the counters add up, instead of
 * every relevant article funnelled through one key; and lateness is decided against the event time of
 * the partition the article came from, so a replay spread over several partitions read at different
 * speeds loses nothing to a faster partition's clock. A counter closes a window only once every source
 * partition's watermark has passed its end plus grace, and the counts a source sends with that watermark
 * are final for the window, because the source itself treats anything later for it as late.
 *
 * <p>Besides the tick-aligned signals, the exact watermark goes out every {@code interval} of wall-clock
 * time when it has moved, so that counters release held articles ({@link WindowedMentionCounter})
 * within that interval in a live feed. A source with no records for {@code idleAfter} (wall-clock) says
 * it is idle, so that it does not hold every window open; its next record makes it active again.
 */
public final class MentionRouter implements Processor<String, SourceEvent, String, Routed> {
    private static final Logger LOG = LoggerFactory.getLogger(MentionRouter.class);
    public static final String DEDUP_STORE = "article-windows";
    public static final String TOTALS_STORE = "source-totals";
    /** Articles per feed per window on this partition, keyed {@code windowStart|feed}. */
    public static final String FEEDS_STORE = "source-feeds";
    /** The feed name of articles without a source. */
    public static final String UNKNOWN_FEED = "(unknown)";
    /** Where a window's articles go once it counts {@code maxFeeds} feeds already. */
    public static final String OTHER_FEEDS = "(other)";
    public static final String LATE_SENSOR = "late-articles";

    private final EventWindows windows;
    private final long tickMs;
    private final Duration idleAfter;
    private final Duration interval;
    private final int maxFeeds;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, Integer> feedsStore;
    private TreeMap<Long, Map<String, Integer>> feeds;
    private WindowStore<String, Long> seen;
    private KeyValueStore<Long, Integer> totalsStore;
    private Sensor lateArticles;
    private int partition;
    private TreeMap<Long, Integer> totals;
    private long lastTick;
    private long lastWatermark;
    private long lastClosedThrough;
    private long lastRecordWallMs;
    private boolean idle;
    private boolean seenRecord;
    private SourceLag lag;
    private String sourceTopic;
    private long emptyChecks;

    public MentionRouter(EventWindows windows, Duration tick, Duration interval, Duration idleAfter) {
        this(windows, tick, interval, idleAfter, 500);
    }

    /**
     * Counting at most {@code maxFeeds} feeds by name per window, the rest as {@link #OTHER_FEEDS}; none at
     * all with 0 (the coverage watch is off).
     */
    public MentionRouter(EventWindows windows, Duration tick, Duration interval, Duration idleAfter, int maxFeeds) {
        this.windows = windows;
        this.tickMs = tick.toMillis();
        this.interval = interval;
        this.idleAfter = idleAfter;
        this.maxFeeds = maxFeeds;
    }

    /** How long to keep an article id: as long as any window it falls in may still count it. */
    public static Duration dedupRetention(EventWindows windows) {
        return windows.size().plus(windows.grace()).plus(windows.advance());
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.seen = context.getStateStore(DEDUP_STORE);
        this.totalsStore = context.getStateStore(TOTALS_STORE);
        this.partition = context.taskId().partition();
        // Metrics "late-articles-rate" and "late-articles-total" in group stream-influence-monitor-metrics.
        this.lateArticles = context.metrics().addRateTotalSensor("influence-monitor", "task-" + context.taskId(),
                LATE_SENSOR, Sensor.RecordingLevel.INFO);
        // Init runs again when a task is revived after an error: nothing may survive from before.
        this.totals = new TreeMap<>();
        try (KeyValueIterator<Long, Integer> it = totalsStore.all()) {
            it.forEachRemaining(kv -> totals.put(kv.key, kv.value));
        }
        this.feedsStore = context.getStateStore(FEEDS_STORE);
        this.feeds = new TreeMap<>();
        try (KeyValueIterator<String, Integer> it = feedsStore.all()) {
            it.forEachRemaining(kv -> {
                int bar = kv.key.indexOf('|');
                feeds.computeIfAbsent(Long.parseLong(kv.key.substring(0, bar)), start -> new HashMap<>())
                        .put(kv.key.substring(bar + 1), kv.value);
            });
        }
        this.lastTick = Long.MIN_VALUE;
        this.lastWatermark = Long.MIN_VALUE;
        this.lastClosedThrough = Long.MIN_VALUE;
        this.lastRecordWallMs = context.currentSystemTimeMs();
        this.idle = false;
        this.seenRecord = false;
        Object configured = context.appConfigs().get(SourceLag.CONFIG);
        this.lag = configured instanceof SourceLag l ? l : null;
        this.sourceTopic = null;
        this.emptyChecks = 0;
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, SourceEvent> record) {
        lastRecordWallMs = context.currentSystemTimeMs();
        seenRecord = true;
        if (record.value() instanceof SourceEvent.Tagged) {
            context.recordMetadata().ifPresent(m -> sourceTopic = m.topic());
        }
        emptyChecks = 0;
        long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
        boolean force = idle;
        idle = false;
        // Time moves first: windows this record's time closes are closed before it is counted, as its own
        // window is not among them (or it is late).
        if (record.value() instanceof SourceEvent.Tagged tagged) {
            announce(streamTime, force);
            if (tagged.article().relevant()) {
                route(tagged.article(), record.timestamp(), streamTime);
            } else {
                // A feed sending only irrelevant articles is alive. No deduplication lookup for these: ingest
                // drops what a feed sent before, and a resent article still shows the feed is sending. Only
                // the rules' series is watched, so only its one window is counted (no list of starts).
                long start = EventWindows.alignDown(record.timestamp(), windows.size().toMillis());
                if (maxFeeds > 0 && !windows.isClosed(start, streamTime)) {
                    countFeed(start, feedOf(tagged.article()));
                }
            }
        } else if (record.value() instanceof SourceEvent.Tick) {
            announce(streamTime, true); // a tick says "time has come this far": pass it on at once
        }
    }

    private void route(EnrichedArticle article, long eventTime, long streamTime) {
        List<Long> fresh = new ArrayList<>(1);
        for (long start : windows.startsFor(eventTime)) {
            if (windows.isClosed(start, streamTime)) {
                reportLate(article, start, eventTime, streamTime);
            } else if (seen.fetch(article.id(), start) == null) {
                seen.put(article.id(), eventTime, start);
                int total = totals.merge(start, 1, Integer::sum);
                totalsStore.put(start, total);
                fresh.add(start);
            }
        }
        if (!fresh.isEmpty()) {
            if (maxFeeds > 0) {
                String feed = feedOf(article);
                for (long start : fresh) {
                    countFeed(start, feed);
                }
            }
            for (CountingSignal.Mention mention : ArticleMentions.of(article, eventTime, fresh, windows.size().toMillis(), partition,
                    streamTime)) {
                context.forward(new Record<>(mention.country(), new Routed.Signal(mention), eventTime));
            }
        }
    }

    static String feedOf(EnrichedArticle article) {
        String source = article.source();
        return source == null || source.isBlank() ? UNKNOWN_FEED : source;
    }

    private void countFeed(long start, String feed) {
        // The watch judges the rules' series only: with hopping windows, the other starts would cost a store
        // write per article each for nothing. maxFeeds 0: the watch is off.
        if (maxFeeds == 0 || !windows.inRuleSeries(start)) {
            return;
        }
        Map<String, Integer> counts = feeds.computeIfAbsent(start, s -> new HashMap<>());
        String name = counts.size() >= maxFeeds && !counts.containsKey(feed) ? OTHER_FEEDS : feed;
        int n = counts.merge(name, 1, Integer::sum);
        feedsStore.put(start + "|" + name, n);
    }

    private void reportLate(EnrichedArticle article, long windowStart, long eventTime, long streamTime) {
        for (String country : ArticleMentions.countries(article)) {
            lateArticles.record();
            context.forward(new Record<>(country, new Routed.Late(new LateArticle(1, article.id(), article.url(),
                    article.title(), country, Instant.ofEpochMilli(eventTime), windows.instant(windowStart),
                    windows.instant(windows.endOf(windowStart)), Instant.ofEpochMilli(streamTime))), eventTime));
        }
    }

    /**
     * Broadcasts the watermark when event time crosses a tick (so quiet countries' windows close too), when
     * it closes another window, or when forced; the tick-aligned value keeps clock traffic to one signal per
     * tick whatever the article rate.
     */
    private void announce(long streamTime, boolean force) {
        long tick = EventWindows.alignDown(streamTime, tickMs);
        long closedThrough = windows.closedThrough(streamTime);
        if (force || closedThrough > lastClosedThrough) {
            broadcast(streamTime);
        } else if (tick > lastTick) {
            broadcast(tick);
        }
    }

    private void broadcast(long watermark) {
        lastWatermark = Math.max(lastWatermark, watermark);
        lastTick = Math.max(lastTick, EventWindows.alignDown(watermark, tickMs));
        lastClosedThrough = Math.max(lastClosedThrough, windows.closedThrough(watermark));
        Map<Long, Integer> sent = new TreeMap<>(totals);
        Map<Long, Map<String, Integer>> sentFeeds = new TreeMap<>();
        feeds.forEach((start, counts) -> sentFeeds.put(start, Map.copyOf(counts)));
        context.forward(new Record<>(ClockSignals.KEY,
                new Routed.Signal(new CountingSignal.SourceClock(partition, watermark, idle, sent, sentFeeds)), watermark));
        // Counts of windows closed at this watermark were final in this signal: forget them.
        Iterator<Map.Entry<Long, Integer>> it = totals.entrySet().iterator();
        while (it.hasNext()) {
            long start = it.next().getKey();
            if (!windows.isClosed(start, watermark)) {
                break;
            }
            it.remove();
            totalsStore.delete(start);
        }
        Iterator<Map.Entry<Long, Map<String, Integer>>> fit = feeds.entrySet().iterator();
        while (fit.hasNext()) {
            Map.Entry<Long, Map<String, Integer>> window = fit.next();
            if (!windows.isClosed(window.getKey(), watermark)) {
                break;
            }
            fit.remove();
            window.getValue().keySet().forEach(name -> feedsStore.delete(window.getKey() + "|" + name));
        }
    }

    /** Whether the consumer has read this source partition to its end, as far as known. */
    private boolean caughtUp() {
        if (lag == null || sourceTopic == null) {
            return false;
        }
        OptionalLong behind = lag.lag(sourceTopic, partition);
        return behind.isPresent() && behind.getAsLong() == 0;
    }

    private void onWallClock(long wallClockMs) {
        long streamTime = context.currentStreamTimeMs();
        emptyChecks++;
        long checksToIdle = Math.max(3, idleAfter.toMillis() / Math.max(1, interval.toMillis()));
        if (seenRecord && !idle && emptyChecks >= checksToIdle && wallClockMs - lastRecordWallMs >= idleAfter.toMillis()
                && caughtUp()) {
            idle = true;
            LOG.info("Source partition {} idle: no article for {} s; windows close without waiting for it",
                    partition, (wallClockMs - lastRecordWallMs) / 1000);
            broadcast(Math.max(streamTime, lastWatermark));
        } else if (streamTime > lastWatermark && lastWatermark != Long.MIN_VALUE) {
            broadcast(streamTime);
        }
    }
}
