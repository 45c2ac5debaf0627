package org.influencemonitor.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.influencemonitor.ingest.rss.FeedList;
import org.influencemonitor.ingest.rss.FeedPoll;
import org.influencemonitor.ingest.rss.FeedSpec;
import org.influencemonitor.ingest.rss.FeedStateStore;
import org.influencemonitor.ingest.rss.RssIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code monitor ingest rss}: polls RSS and Atom feeds until SIGTERM or Ctrl-C, or once with --once. */
@Command(name = "rss", description = {
        "Poll RSS 2.0 and Atom feeds and publish their new items. Conditional GET (ETag, Last-Modified); an item",
        "already sent is never sent again, also after a restart (state in the compacted topic " + FeedStateStore.TOPIC + ");",
        "HTML stripped from descriptions; a failing feed backs off without holding up the others."},
        footer = {"", "Examples:",
                "  ./monitor ingest rss https://www.ipn.md/en/rss --interval 10m --bootstrap-servers localhost:9092",
                "  ./monitor ingest rss --feeds feeds.txt",
                "  ./monitor ingest rss --feeds feeds.txt --once      # poll each feed once, print the counts, exit",
                "",
                "A feeds file has one feed per line: URL [source name] [interval=DURATION], # for comments."})
public class IngestRssCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "Feeds to poll (or list them in --feeds).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--feeds", paramLabel = "FILE", description = "A file of feeds, one per line: URL [name] [interval=D].")
    Path feedsFile;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How often to poll each feed (default: ${DEFAULT-VALUE}; a feeds file may set one per feed).")
    Duration interval;

    @Option(names = "--once", description = "Poll every feed once, print the counts and exit (1 if a feed failed).")
    boolean once;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    IngestOptions ingest;

    @Override
    public Integer call() throws InterruptedException {
        List<FeedSpec> feeds = feeds();
        var out = spec.commandLine().getOut();
        try (IngestRun run = new IngestRun(kafka, ingest, out, "Ingest rss");
             FeedStateStore store = new FeedStateStore(kafka.bootstrapServers(), kafka.clientProperties())) {
            RssIngest rss = new RssIngest(feeds, run.intake(), store, Clock.systemUTC());
            run.summary(() -> "read " + run.intake().counts().tally().read() + " items: " + run.intake().counts().tally()
                    + "; " + rss.pollCounts());
            int failedFeeds = 0;
            if (once) {
                for (FeedPoll poll : rss.pollOnce()) {
                    if (!poll.ok()) {
                        failedFeeds++;
                    }
                }
            } else {
                out.println("Polling " + feeds.size() + " feeds; Ctrl-C to stop.");
                out.flush();
                rss.start();
                run.awaitStop();
                rss.close();
            }
            run.publisher().awaitSettled();
            run.printSummary();
            if (failedFeeds > 0) {
                throw new UserError(failedFeeds + " of " + feeds.size() + " feeds failed (see the log)");
            }
            return 0;
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    private List<FeedSpec> feeds() {
        if (interval.isNegative() || interval.isZero()) {
            throw new UserError("--interval must be positive, got " + interval);
        }
        List<FeedSpec> feeds = new ArrayList<>();
        DurationConverter durations = new DurationConverter();
        try {
            if (feedsFile != null) {
                if (!Files.isReadable(feedsFile)) {
                    throw new UserError("cannot read --feeds " + feedsFile);
                }
                feeds.addAll(FeedList.parse(Files.readAllLines(feedsFile), interval, durations::convert, feedsFile.toString()));
            }
            for (String url : urls) {
                feeds.add(new FeedSpec(new URI(url), null, interval));
            }
        } catch (IOException e) {
            throw new UserError("cannot read --feeds " + feedsFile + ": " + e.getMessage());
        } catch (URISyntaxException e) {
            throw new UserError("not a URL: " + e.getInput());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (feeds.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a feed URL or --feeds FILE");
        }
        return feeds;
    }
}
