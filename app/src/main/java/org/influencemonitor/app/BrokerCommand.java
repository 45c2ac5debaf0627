package org.influencemonitor.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker.BrokerStartException;
import org.influencemonitor.app.broker.ScramListener;
import org.influencemonitor.app.sink.Secrets;
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
            "  head -c 18 /dev/urandom | base64 > kafka.password && chmod 600 kafka.password",
            "  monitor broker --sasl-scram monitor:kafka.password --sasl-port 9093",
            "      Also SASL_PLAINTEXT on 127.0.0.1:9093, user monitor, SCRAM-SHA-256;",
            "      clients pass --kafka-config (README, \"Kafka security\").",
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

    @Option(names = "--sasl-scram", paramLabel = "USER:PASSWORD_FILE",
            description = "Also listen with SASL_PLAINTEXT and SCRAM-SHA-256 for USER, whose password is read from "
                    + "PASSWORD_FILE (never given on the command line, never printed).")
    String saslScram;

    @Option(names = "--sasl-port", paramLabel = "N", defaultValue = "9093",
            description = "Port of the SASL_PLAINTEXT listener on 127.0.0.1 with --sasl-scram; 0 picks a free one. "
                    + "Default: ${DEFAULT-VALUE}.")
    int saslPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be between 0 and 65535, got " + port);
        }

        ScramListener scram = scramListener();
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(port, dataDir, scram);
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
        if (scram != null) {
            out.println("SASL_PLAINTEXT listener (" + ScramListener.MECHANISM + ", user " + scram.user() + ") at "
                    + broker.saslBootstrapServers());
        }
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

    private ScramListener scramListener() {
        if (saslScram == null) {
            return null;
        }
        int colon = saslScram.indexOf(':');
        if (colon <= 0 || colon == saslScram.length() - 1) {
            throw new UserError("--sasl-scram must be USER:PASSWORD_FILE, got " + saslScram);
        }
        if (saslPort < 0 || saslPort > 65535) {
            throw new UserError("--sasl-port must be between 0 and 65535, got " + saslPort);
        }
        String user = saslScram.substring(0, colon);
        String password = Secrets.read(Path.of(saslScram.substring(colon + 1)), "--sasl-scram password file");
        try {
            return new ScramListener(saslPort, user, password);
        } catch (IllegalArgumentException e) {
            throw new UserError("--sasl-scram: " + e.getMessage());
        }
    }
}
