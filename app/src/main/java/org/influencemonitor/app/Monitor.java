package org.influencemonitor.app;

import org.influencemonitor.app.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code monitor} command line: one jar, one subcommand per component. */
@Command(name = "monitor", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Monitor.Version.class,
        description = {
                "Monitors a stream of news articles for state-linked election disinformation on Apache Kafka.",
                "",
                "Start with the demo, which runs everything on an embedded broker:",
                "  ./monitor demo",
                ""},
        subcommands = {DemoCommand.class, BrokerCommand.class, IngestCommand.class, ProcessorCommand.class,
                SinkCommand.class, TagCommand.class, EvalCommand.class, BenchCommand.class, org.influencemonitor.app.chaos.ChaosCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 error (one line on stderr says why), 2 bad command line."})
public class Monitor implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text", scope = CommandLine.ScopeType.INHERIT,
            description = "Log lines as text or as one JSON object per line, for log collectors (default: ${DEFAULT-VALUE}).")
    void logFormat(String format) {
        try {
            LogFormat.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT)).apply();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--log-format must be text or json, got " + format);
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests so both see the same behaviour. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Monitor());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println("monitor: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Monitor.class.getPackage().getImplementationVersion();
            return new String[] {"monitor " + (version == null ? "development build" : version)};
        }
    }
}
