package org.influencemonitor.app;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.influencemonitor.ingest.push.PushServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code monitor ingest http}: an endpoint other pipelines push articles to, until SIGTERM or Ctrl-C. */
@Command(name = "http", description = {
        "Take articles pushed over HTTP: POST /v1/articles with one JSON article (Content-Type: application/json)",
        "or NDJSON, one article per line. Answers 202 once Kafka has acknowledged every record, 400 with a reason",
        "per bad line (the good lines are published), 413 past --max-body-bytes, 429 when Kafka is behind, 401",
        "without the token; GET /health gives the counts. Listens on loopback unless --bind says otherwise."},
        footer = {"", "Examples:",
                "  ./monitor ingest http --port 8081 --bootstrap-servers localhost:9092",
                "  curl -i -X POST --data-binary @samples/articles.jsonl -H 'Content-Type: application/x-ndjson' \\",
                "       http://127.0.0.1:8081/v1/articles",
                "  head -c 32 /dev/urandom | base64 > push.token",
                "  ./monitor ingest http --port 8081 --bind 0.0.0.0 --http-token-file push.token"})
public class IngestHttpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8081",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "" + PushServer.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body; larger ones are answered 413 (default: ${DEFAULT-VALUE}, 10 MiB).")
    long maxBodyBytes;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "" + PushServer.DEFAULT_MAX_IN_FLIGHT,
            description = "Pushed records waiting for Kafka at most; a push beyond is answered 429 (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    IngestOptions ingest;

    @Mixin
    HttpOptions http;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (maxBodyBytes < 1 || maxInFlight < 1) {
            throw new UserError("--max-body-bytes and --max-in-flight must be positive");
        }
        var out = spec.commandLine().getOut();
        var settings = http.settings(bind, port);
        try (IngestRun run = new IngestRun(kafka, ingest, out, "Ingest http stopped",
                settings.limits().stopTimeout().plus(IngestRun.GRACE).plus(IngestRun.GRACE))) {
            try (PushServer server = new PushServer(run.intake(), settings, maxBodyBytes, maxInFlight)) {
                server.start();
                out.println("Taking articles at " + server.scheme() + "://" + bind + ":" + server.port() + "/v1/articles"
                        + " (GET /health for the counts); Ctrl-C to stop.");
                out.flush();
                run.awaitStop();
            }
            run.publisher().awaitSettled();
            run.printSummary();
            return 0;
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
