package org.influencemonitor.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.influencemonitor.app.HostileCorpus;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.ingest.IngestLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor ingest file} on a real broker with the hostile corpus: no line ends the run, every good
 * article reaches {@code articles.raw}, every bad line reaches {@code articles.dlq} with its reason and
 * line number, and the printed counts add up, from a file and from standard input alike.
 */
class IngestFileTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @TempDir
    Path dir;

    @Test
    void theHostileCorpusFromAFileLosesNoGoodArticleAndDeadLettersEveryBadLine() throws Exception {
        String prefix = "https://hostile.example/file/";
        List<HostileCorpus.Case> cases = HostileCorpus.cases(Instant.now(), prefix);
        Path file = dir.resolve("hostile.jsonl");
        Files.write(file, HostileCorpus.file(cases));

        MonitorRun run = MonitorRun.of("ingest", "file", file.toString(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--progress", "off");

        assertOutcomes(cases, run, "ingest file " + file + ":", prefix);
    }

    @Test
    void theSameBytesOnStandardInputHaveTheSameOutcomes() throws Exception {
        String prefix = "https://hostile.example/stdin/";
        List<HostileCorpus.Case> cases = HostileCorpus.cases(Instant.now(), prefix);
        InputStream stdin = System.in;
        MonitorRun run;
        try {
            System.setIn(new ByteArrayInputStream(HostileCorpus.file(cases)));
            run = MonitorRun.of("ingest", "file", "-", "--bootstrap-servers", KAFKA.bootstrapServers(), "--progress", "off");
        } finally {
            System.setIn(stdin);
        }
        assertOutcomes(cases, run, "ingest file stdin:", prefix);
    }

    private void assertOutcomes(List<HostileCorpus.Case> cases, MonitorRun run, String origin, String prefix) {
        assertEquals(0, run.exit(), run.err());
        Map<HostileCorpus.Expect, Long> expected = cases.stream()
                .collect(Collectors.groupingBy(HostileCorpus.Case::expect, Collectors.counting()));
        long published = expected.getOrDefault(HostileCorpus.Expect.PUBLISHED, 0L);
        long rejected = expected.getOrDefault(HostileCorpus.Expect.REJECTED, 0L);
        assertTrue(run.out().contains(cases.size() + " lines read: " + published + " published, 1 duplicate, " + rejected
                + " rejected, 2 skipped"), run.out());

        IngestedTopics topics = new IngestedTopics(KAFKA.bootstrapServers());
        List<IngestedTopics.Published> articles = topics.articles(prefix);
        Set<String> expectedUrls = cases.stream().filter(c -> c.expect() == HostileCorpus.Expect.PUBLISHED)
                .map(HostileCorpus.Case::url).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedUrls, articles.stream().map(p -> p.article().url()).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(published, articles.size(), "each good article once");
        Map<String, IngestedTopics.Published> byUrl = articles.stream()
                .collect(Collectors.toMap(p -> p.article().url(), Function.identity()));
        IngestedTopics.Published soon = byUrl.get(prefix + "soon");
        assertTrue(soon.timestamp() <= soon.article().ingestedAt().toEpochMilli(),
                "an article dated ahead is stamped with the ingest time, which the broker accepts");
        assertTrue(byUrl.get(prefix + "long").article().truncated());
        int cut = byUrl.get(prefix + "long").article().text().length();
        assertTrue(cut > IngestLimits.MAX_TEXT_CHARS - 5 && cut <= IngestLimits.MAX_TEXT_CHARS, "cut at the limit: " + cut);
        assertFalse(byUrl.get(prefix + "control").article().text().contains("\u0000"));
        assertEquals("The Kremlin denies it", byUrl.get(prefix + "html").article().text());

        List<IngestedTopics.DeadLetter> dead = topics.deadLetters(origin);
        assertEquals(rejected, dead.size(), "one dead letter per bad line");
        Map<String, IngestedTopics.DeadLetter> byOrigin = dead.stream()
                .collect(Collectors.toMap(IngestedTopics.DeadLetter::origin, Function.identity()));
        for (int i = 0; i < cases.size(); i++) {
            HostileCorpus.Case c = cases.get(i);
            if (c.expect() != HostileCorpus.Expect.REJECTED) {
                continue;
            }
            IngestedTopics.DeadLetter letter = byOrigin.get(origin + (i + 1));
            assertTrue(letter != null, c.name() + ": no dead letter from line " + (i + 1) + " among " + byOrigin.keySet());
            assertTrue(letter.reason().startsWith(c.reason()), c.name() + ": " + letter.reason());
            if (c.line().length > IngestLimits.MAX_RECORD_BYTES) {
                assertEquals("true", letter.truncated(), c.name());
                assertEquals(String.valueOf(c.line().length), letter.originalBytes(), c.name());
                assertEquals(IngestLimits.DEAD_LETTER_PREFIX_BYTES, letter.value().length, c.name());
            } else {
                assertEquals(null, letter.truncated(), c.name());
                assertEquals(new String(c.line(), java.nio.charset.StandardCharsets.ISO_8859_1),
                        new String(letter.value(), java.nio.charset.StandardCharsets.ISO_8859_1), c.name() + ": the original bytes");
            }
        }
    }
}
