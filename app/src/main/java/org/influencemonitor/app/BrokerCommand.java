package org.influencemonitor.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker.BrokerStartException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code monitor broker}: a throw-away single-node Kafka for running the pipeline without Docker. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a single-node Apache Kafka broker (KRaft) inside this JVM until Ctrl-C.",
            "It listens on 127.0.0.1 only and is meant for local runs of ingest, processor and sink."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  monitor broker",
            "      Kafka on 127.0.0.1:9092, data in a temp dir deleted at exit.",
            "  monitor broker --port 29092 --data-dir ./kafka-data",
            "      Keep topics and offsets across restarts.",
            "  monitor ingest file samples/articles.jsonl --bootstrap-servers 127.0.0.1:9092",
            "      In another terminal: feed the broker."
        })
public class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "9092",
            description = "Client (PLAINTEXT) port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for Kafka's logs, kept after exit. Default: a temporary directory, deleted at exit.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be between 0 and 65535, got " + port);
        }

        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(port, dataDir);
        } catch (BrokerStartException e) {
            // User-facing: the message says what went wrong, the stack trace would not help.
            throw new UserError(e.getMessage());
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-command-shutdown"));

        out.println("Kafka broker ready at " + broker.bootstrapServers());
        out.println("  try: kcat -b " + broker.bootstrapServers() + " -L");
        out.println("Press Ctrl-C to stop.");
        out.flush();

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.close();
        }
        return 0;
    }
}
