package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.influencemonitor.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: offline tagging, and one clear line for each kind of mistake. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Monitor.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void tagWritesOneEnrichedLinePerInputLineInOrderWithoutKafka() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, List.of(
                "{\"url\":\"https://e.com/1\",\"title\":\"Moldova votes\",\"text\":\"The Kremlin denies meddling in Moldova's election.\"}",
                "{\"url\": broken",
                "",
                "{\"url\":\"https://e.com/2\",\"title\":\"Weather\",\"text\":\"Rain in Paris.\"}"));

        assertEquals(0, run("tag", "--input", input.toString(), "--output", output.toString()));

        List<String> lines = Files.readAllLines(output);
        assertEquals(4, lines.size());
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertTrue(first.get("relevant").asBoolean());
        assertEquals("MD", first.at("/tags/countries/0/code").asText());
        assertEquals("kremlin", first.at("/tags/actors/0/id").asText().toLowerCase());
        assertTrue(Json.mapper().readTree(lines.get(1)).get("error").asText().startsWith("not valid JSON"));
        assertEquals("{}", lines.get(2));
        JsonNode last = Json.mapper().readTree(lines.get(3));
        assertFalse(last.get("relevant").asBoolean());
        assertEquals("FR", last.at("/tags/countries/0/code").asText(), "Paris stands for France");
    }

    @Test
    void aMissingFileIsOneLineAndExitCodeOne() {
        assertEquals(1, run("ingest", "file", dir.resolve("nope.jsonl").toString(), "--bootstrap-servers", "127.0.0.1:1"));
        assertEquals("monitor: no such file: " + dir.resolve("nope.jsonl"), err.toString().strip());
    }

    @Test
    void ingestMistakesAreOneLineEach() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{}\n");
        assertEquals(1, run("ingest", "file", dir.resolve("a.jsonl").toString(), "--column", "title=headline",
                "--bootstrap-servers", "127.0.0.1:1"));
        assertEquals("monitor: --column maps CSV columns; " + dir.resolve("a.jsonl") + " is read as jsonl (use --format csv)",
                err.toString().strip());
        assertEquals(2, run("ingest", "rss", "--bootstrap-servers", "127.0.0.1:1"));
        assertTrue(err.toString().contains("name a feed URL or --feeds FILE"), err.toString());
        Files.writeString(dir.resolve("feeds.txt"), "ftp://example.org/feed\n");
        assertEquals(1, run("ingest", "rss", "--feeds", dir.resolve("feeds.txt").toString(), "--bootstrap-servers", "127.0.0.1:1"));
        assertTrue(err.toString().strip().endsWith("monitor: " + dir.resolve("feeds.txt") + ":1: feed ftp://example.org/feed: "
                + "only http and https URLs can be polled"), err.toString());
    }

    @Test
    void aBadOptionIsExitCodeTwoWithUsage() {
        assertEquals(2, run("demo", "--window", "soon"));
        assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    }

    @Test
    void anUnreadableDictionaryIsOneLine() {
        assertEquals(1, run("tag", "--dictionary", dir.resolve("missing").toString()));
        assertTrue(err.toString().strip().startsWith("monitor: --dictionary"), err.toString());
    }
}
