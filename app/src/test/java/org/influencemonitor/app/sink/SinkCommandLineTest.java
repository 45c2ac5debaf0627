package org.influencemonitor.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.influencemonitor.app.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sink's command line as a user meets it: one clear line for each mistake, before any Kafka is needed. */
class SinkCommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Monitor.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private String error() {
        return err.toString().strip();
    }

    private Path yaml(String... lines) throws Exception {
        Path file = dir.resolve("sinks.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void aSinkNeedsAChannelOrAConfigFile() {
        assertEquals(2, run("sink"));
        assertTrue(error().contains("name a channel, e.g. 'sink file --path FILE', or give --config FILE"), error());
    }

    @Test
    void aSecretIsNeverAnOptionOnTheCommandLine() {
        assertEquals(2, run("sink", "webhook", "--url", "https://hooks.example.org/x", "--secret", "whsec_abc"));
        assertTrue(error().contains("Unknown options: '--secret', 'whsec_abc'"), error());
    }

    @Test
    void aWebhookWithoutASecretIsOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(WebhookCommand.SECRET_ENV) == null);
        assertEquals(1, run("sink", "webhook", "--url", "https://hooks.example.org/x", "--bootstrap-servers", "127.0.0.1:1"));
        assertEquals("monitor: a webhook needs a signing secret: --secret-file FILE or the environment variable "
                + "MONITOR_WEBHOOK_SECRET", error());
    }

    @Test
    void aSecretFileThatIsNotASecretIsNamedButNotQuoted() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "hunter2 is not base64!\n");
        assertEquals(1, run("sink", "webhook", "--url", "https://hooks.example.org/x", "--secret-file", secret.toString()));
        assertEquals("monitor: --secret-file " + secret + " is not a webhook secret: expected whsec_ followed by base64", error());
    }

    @Test
    void configMistakesNameTheFileTheEntryAndTheField() throws Exception {
        Path file = yaml("channels:", "  - type: webhook", "    url: https://hooks.example.org/x", "    colour: red");
        assertEquals(1, run("sink", "--config", file.toString()));
        assertTrue(error().startsWith("monitor: " + file + ": channels[0] (webhook): unknown field colour (known: backoff, "
                + "give_up_after, group_id, max_attempts, max_backoff, name, secret_file, timeout, url)"), error());

        file = yaml("channels:", "  - type: pager");
        assertEquals(1, run("sink", "--config", file.toString()));
        assertEquals("monitor: " + file + ": channels[0]: field type: expected one of file, webhook, slack, "
                + "alertmanager, postgres, got pager", error().lines().reduce((a, b) -> b).orElse(""));

        file = yaml("channels:", "  - type: file", "    path: a.jsonl", "  - type: file", "    path: b.jsonl");
        assertEquals(1, run("sink", "--config", file.toString()));
        assertTrue(error().endsWith(file + ": channels[1]: a second channel named file (give each a distinct name)"), error());

        file = yaml("channels:", "  - type: file", "    path: a.jsonl", "    bootstrap_servers: elsewhere:9092");
        assertEquals(1, run("sink", "--config", file.toString()));
        assertTrue(error().endsWith("channels[0]: field bootstrap_servers is set for the whole sink, on the command line"), error());

        file = yaml("channels:", "  - type: file", "    max_attempts: 3");
        assertEquals(1, run("sink", "--config", file.toString()));
        assertTrue(error().endsWith("channels[0] (file): Missing required field: path"), error());

        file = yaml("channels: [ {type: file");
        assertEquals(1, run("sink", "--config", file.toString()));
        assertTrue(error().lines().reduce((a, b) -> b).orElse("").startsWith("monitor: " + file + ": not valid YAML"), error());
    }
}
