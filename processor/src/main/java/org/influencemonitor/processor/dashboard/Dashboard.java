package org.influencemonitor.processor.dashboard;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.processor.MonitorConfig;

/**
 * The processor's dashboard, served on the query API's port: the page and its assets, the live alert feed,
 * and (through the query API) the map, timeline and evidence data. Holds what the handlers read: the
 * topology's configuration and the {@link AlertFeed}.
 */
public final class Dashboard implements AutoCloseable {
    /** Live feed clients served at once; each holds a connection and at most a small queue of events. */
    public static final int MAX_STREAM_CLIENTS = 64;

    private final MonitorConfig config;
    private final AlertFeed feed;
    private AlertStream stream;

    public Dashboard(MonitorConfig config, AlertFeed feed) {
        this.config = config;
        this.feed = feed;
    }

    public MonitorConfig config() {
        return config;
    }

    public Optional<EnrichedArticle> article(String id) {
        return feed.article(id);
    }

    /** The dashboard's handlers in front of {@code api}, which answers every other path. */
    public synchronized Handler handler(Handler api) {
        stream = new AlertStream(feed, MAX_STREAM_CLIENTS, api);
        return new DashboardAssets(stream);
    }

    /** Paths a browser must load without a token: the page and its assets, which hold no data. */
    public static Set<String> publicPaths() {
        return DashboardAssets.paths();
    }

    /** Adds {@link #publicPaths()} to {@code paths}. */
    public static Set<String> withPublicPaths(Set<String> paths) {
        Set<String> all = new HashSet<>(paths);
        all.addAll(publicPaths());
        return Set.copyOf(all);
    }

    public void start() {
        feed.start();
    }

    /** Ends the live streams first, so a stopping server does not wait for them, then the feed. */
    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
        }
        feed.close();
    }
}
