package org.influencemonitor.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import org.influencemonitor.app.DurationConverter;
import org.influencemonitor.app.FileTrees;
import org.influencemonitor.app.KafkaOptions;
import org.influencemonitor.app.UserError;
import org.influencemonitor.processor.tagging.Tagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code monitor bench}: the processor measured against what Kafka itself does on the same broker with the
 * same input, in one invocation, so that every ratio compares figures taken minutes apart on the same
 * (shared, noisy) machine. Prints a Markdown table and the targets, and appends both to BENCHMARKS.md.
 */
@Command(name = "bench", subcommands = PassThroughCommand.class, description = {
        "Measure the processor against Kafka's own limits on the same broker and input: producer rate, a",
        "pass-through Kafka Streams app, the processor (exactly-once and at-least-once, 1 and 2 threads, 1 and 2",
        "instances, 1,000 to 100,000 articles per window, hopping windows), latency at 1,000 articles/s and",
        "surge-to-alert time; with --full also the heap holding 30 days of windows for every country.",
        "Prints a Markdown table and appends it, with the machine and the command, to BENCHMARKS.md."},
        footer = {"", "Examples:",
                "  ./monitor bench --quick --no-append    # a smoke run, well under a minute",
                "  ./monitor bench                        # the whole matrix, 10-15 minutes on 2 cores",
                "  ./monitor bench --full --articles 200000"})
public class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_CORPUS = "../shared/corpus/fakenewsnet-2016.jsonl";
    private static final int FIRST_POPULATION = 1_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--articles", paramLabel = "N",
            description = "Articles per throughput run (default: 20000, or 2000 with --quick; 100000 fills a 100,000-article window).")
    Long articles;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of the monitor's topics, so 2 threads or 2 instances have work (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--quick", description = "A smoke run: few articles, one configuration of each kind.")
    boolean quick;

    @Option(names = "--full", description = "Also measure the heap holding 30 days of hourly windows for every country (slow).")
    boolean full;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Real articles, JSON Lines (default: " + DEFAULT_CORPUS + " from the repository root; "
                    + "generated text when it is absent).")
    Path corpus;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "BENCHMARKS.md",
            description = "Where the result is appended (default: ${DEFAULT-VALUE} in the current directory).")
    Path out;

    @Option(names = "--no-append", description = "Only print the result.")
    boolean noAppend;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Measure on this Kafka cluster instead of an embedded broker (needs --recreate-topics).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "A .properties file passed to every Kafka client, the bench's and the children's.")
    Path kafkaConfig;

    @Option(names = "--recreate-topics",
            description = "Allow deleting and recreating the monitor's topics (articles.raw, ...) on --bootstrap-servers.")
    boolean recreateTopics;

    @Option(names = "--threshold", paramLabel = "N", defaultValue = "20",
            description = "Threshold rule's article count for the surge measurement = articles per surge (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--latency-rate", paramLabel = "N", defaultValue = "1000",
            description = "Offered load of the latency run, articles/s (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--latency-seconds", paramLabel = "N",
            description = "Duration of the latency run in seconds (default: 20, or 4 with --quick).")
    Integer latencySeconds;

    @Option(names = "--run-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait for one run (default: 60 s + 3 ms per article).")
    Duration runTimeout;

    private PrintWriter printer;

    /** What this invocation measures. */
    record Plan(long articles, List<Integer> populations, boolean variants, int latencySeconds, boolean history) {
    }

    @Override
    public Integer call() throws IOException {
        Plan plan = plan();
        printer = spec.commandLine().getOut();
        MachineInfo machine = MachineInfo.current();
        String loadAtStart = MachineInfo.loadAverage();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        ArticleBodies bodies = ArticleBodies.load(corpus == null ? RepositoryRoot.find().resolve(DEFAULT_CORPUS).normalize() : corpus);
        say("Input: " + bodies.description());
        CountryTemplates templates = new CountryTemplates(Tagger.defaults());
        List<CountryTemplates.Country> countries = templates.countries();
        Set<String> background = templates.namedBy(bodies);
        List<CountryTemplates.Country> surgeCountries = countries.stream().filter(c -> !background.contains(c.code())).toList();
        say(countries.size() + " countries are tagged from the template; " + surgeCountries.size()
                + " of them are named by no background article and take the surges");

        Path workDir = Files.createTempDirectory("monitor-bench-");
        List<BenchRow> rows = new ArrayList<>();
        try (BenchCluster cluster = openCluster()) {
            say("Kafka: " + (cluster.isEmbedded() ? "embedded broker at " : "external cluster at ") + cluster.bootstrapServers()
                    + "; processes and logs in " + workDir);
            Measurements measure = new Measurements(new ThroughputRun(cluster, workDir, kafkaConfig),
                    new LatencyRun(cluster, workDir, kafkaConfig), rows, this::say);
            for (int population : plan.populations()) {
                measure.population(Backlog.endingBeforeNow(bodies, plan.articles(), population, "p" + population),
                        population, timeout(plan.articles()), plan.variants() && population == FIRST_POPULATION);
                if (population == FIRST_POPULATION) {
                    measure.latency(bodies, surgeCountries, latencyRate, plan.latencySeconds(), threshold);
                }
            }
            if (plan.history()) {
                HistoryBacklog history = HistoryBacklog.endingBeforeNow(countries, 30);
                measure.history(history, timeout(history.articles()));
            }
            if (!measure.timeouts().isEmpty()) {
                throw new BenchFailure(measure.timeouts().size() + " run(s) timed out, first: " + measure.timeouts().get(0)
                        + " (--run-timeout to wait longer)");
            }
        } catch (BenchFailure e) {
            say("");
            say(new BenchReport(rows).table());
            say("Not appended to " + out + ": the bench did not complete.");
            spec.commandLine().getErr().println("monitor bench: " + e.getMessage() + "; child logs kept in " + workDir);
            return 1;
        }
        String section = section(plan, rows, bodies, machine, loadAtStart, started);
        say("");
        say(section);
        if (!noAppend) {
            BenchmarkLog.append(out, section);
            say("Appended to " + out.toAbsolutePath());
        }
        FileTrees.delete(workDir);
        return 0;
    }

    private Plan plan() {
        if (partitions < 1 || threshold < 1 || latencyRate < 1 || (articles != null && articles < 1)
                || (latencySeconds != null && latencySeconds < 1)) {
            throw new UserError("--articles, --partitions, --threshold, --latency-rate and --latency-seconds must be positive");
        }
        if (quick && full) {
            throw new UserError("--quick and --full exclude each other");
        }
        if (bootstrapServers != null && !recreateTopics) {
            throw new UserError("the bench deletes and recreates the monitor's topics (articles.raw, articles.enriched, "
                    + "alerts, ...), whose names the topology fixes; on --bootstrap-servers " + bootstrapServers
                    + " that needs --recreate-topics");
        }
        if (quick) {
            return new Plan(articles == null ? 2_000 : articles, List.of(FIRST_POPULATION), false,
                    latencySeconds == null ? 4 : latencySeconds, false);
        }
        return new Plan(articles == null ? 20_000 : articles, List.of(FIRST_POPULATION, 10_000, 100_000), true,
                latencySeconds == null ? 20 : latencySeconds, full);
    }

    private Duration timeout(long articleCount) {
        return runTimeout != null ? runTimeout : Duration.ofSeconds(60).plusMillis(3 * articleCount);
    }

    private BenchCluster openCluster() {
        Properties props = kafkaConfig == null ? new Properties() : KafkaOptions.load(kafkaConfig);
        return bootstrapServers == null ? BenchCluster.embedded(partitions, props)
                : BenchCluster.external(bootstrapServers, props, partitions);
    }

    private String section(Plan plan, List<BenchRow> rows, ArticleBodies bodies, MachineInfo machine, String loadAtStart,
                           String started) {
        BenchReport report = new BenchReport(rows);
        StringBuilder s = new StringBuilder();
        s.append("## Processor against Kafka's limits (`monitor bench`), ").append(started).append("\n\n");
        s.append("Machine: ").append(machine.cpus()).append(" CPUs (nproc), ").append(machine.cpuModel()).append(", ")
                .append(machine.jvm()).append("; load average ").append(loadAtStart).append(" at start, ")
                .append(MachineInfo.loadAverage()).append(" at end.\n");
        s.append("Command: `").append(commandLine()).append("`").append(bootstrapServers == null
                ? " (embedded broker in the bench's JVM)" : " (cluster " + bootstrapServers + ")").append(".\n");
        s.append("Input: ").append(bodies.real() ? "real corpus articles, " : "no corpus: ").append(bodies.description())
                .append("; each copy has its own URL (a `/bench-…` path suffix) and so its own id; ")
                .append(String.format(Locale.ROOT, "%,d", plan.articles())).append(" articles per run, loaded into `articles.raw` (")
                .append(partitions).append(" partitions) before the job starts.\n\n");
        s.append(report.table()).append('\n');
        s.append("Rates are articles / time from the first to the last output record as received by a `read_committed` consumer ")
                .append("(`articles.enriched` for the monitor, `bench.passthrough` for the pass-through); × pass-through is ")
                .append("against the pass-through with the same guarantee (1 thread × 1 instance) on the same input in this run. ")
                .append("Counted articles/s: until the monitor's consumer group had no lag left on `articles.raw` and its ")
                .append("by-country repartition topic (exactly-once only). Heap: used after `jcmd GC.run`; RSS: VmHWM; ")
                .append("per instance, at the end of the run. Latency: article `ingested_at` (its send time) to receipt.\n\n");
        s.append("Targets:\n");
        report.targets(plan.populations()).forEach(line -> s.append(line).append('\n'));
        return s.toString();
    }

    private String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        StringBuilder line = new StringBuilder("./monitor");
        for (String arg : args) {
            line.append(' ').append(arg.matches("[A-Za-z0-9_./:=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    private void say(String line) {
        printer.println(line);
        printer.flush();
    }
}
