package org.influencemonitor.app;

import picocli.CommandLine.Command;

/** {@code monitor ingest <source>}: publishes articles to {@code articles.raw}. */
@Command(name = "ingest", description = "Publish articles to Kafka (articles.raw).",
        subcommands = {IngestFileCommand.class, IngestHttpCommand.class, IngestRssCommand.class,
                IngestGdeltCommand.class})
public class IngestCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a source, e.g. 'ingest file PATH'");
    }
}
