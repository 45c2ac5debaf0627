package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.influencemonitor.ingest.FileIngest;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.RuleKind;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles go through the real ingest, processor and file sink on a real broker (a container when Docker
 * runs, otherwise the in-JVM KRaft broker; the fixture says which), and what comes out is checked topic
 * by topic: enriched articles, window counts, dead letters, and the alert in the file.
 */
class EndToEndTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final Instant HOUR = Instant.parse("2024-10-18T14:00:00Z");

    @TempDir
    Path dir;

    @Test
    void articlesFlowFromIngestThroughTheProcessorToTheAlertFile() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            input.append(article("https://news.example/moldova/" + i, HOUR.plusSeconds(240L * i),
                    "Moldova election: Kremlin accused of vote buying",
                    "Moldova's electoral commission says the Kremlin paid voters ahead of the election.")).append('\n');
            if (i == 3) {
                input.append("{\"url\": \"https://news.example/broken\", \"title\": \n");
            }
        }
        // The same story again behind a tracking parameter: one article, a duplicate at ingest.
        input.append(article("https://www.news.example/moldova/5?utm_source=feed", HOUR.plusSeconds(1300),
                "Moldova election: Kremlin accused of vote buying", "Moldova votes amid Kremlin pressure.")).append('\n');
        input.append('\n');
        input.append(article("https://news.example/football", HOUR.plusSeconds(600), "Cup final",
                "Moldova beat Andorra two-nil.")).append('\n');

        Path alertsFile = dir.resolve("out/alerts.jsonl");
        List<Alert> printed = new CopyOnWriteArrayList<>();
        Properties client = new Properties();
        try (LocalPipeline pipeline = new LocalPipeline(KAFKA.bootstrapServers(), client, MonitorConfig.defaults().withThreshold(10),
                Tagger.defaults(), "e2e-test", dir.resolve("state"), alertsFile, printed::add)) {
            pipeline.start();
            produceGarbage("{not json at all".getBytes(StandardCharsets.UTF_8));
            FileIngest.Summary ingested = pipeline.replay(new StringReader(input.toString()), "e2e-input");
            pipeline.awaitProcessed();
            LocalPipeline.Counts counts = pipeline.counts(ingested);

            assertEquals(16, ingested.lines());
            assertEquals(13, ingested.published());
            assertEquals(1, ingested.duplicates(), "the story behind a tracking parameter is sent once");
            assertEquals(1, ingested.rejected());
            assertEquals(1, ingested.skipped());
            assertEquals(13, counts.enriched(), "every published article is enriched");
            assertEquals(12, counts.relevant(), "the football report names Moldova but is not about an election");
            assertEquals(2, counts.deadLetters(), "the bad line at ingest and the garbage record at the processor");
            assertEquals(1, counts.alerts());
            assertEquals(0, counts.late(), "nothing in this input comes after its window closed");
        }

        List<String> lines = Files.readAllLines(alertsFile);
        assertEquals(1, lines.size(), "one event per incident and window: " + lines);
        Alert alert = JsonSerde.of(Alert.class).deserialize(Topics.ALERTS, lines.get(0).getBytes(StandardCharsets.UTF_8));
        assertEquals("MD", alert.country());
        assertEquals(RuleEngine.alertId(RuleKind.THRESHOLD, "MD", HOUR), alert.alertId());
        assertEquals(10, alert.articles());
        assertEquals(5, alert.evidence().size());
        assertEquals(List.of(alert), printed, "the listener sees exactly what the file holds");

        MentionWindow last = finalWindow("MD");
        assertEquals(12, last.articles(), "12 distinct articles");
        assertTrue(last.isFinal(), "the end-of-replay clock closed the window");

        List<ConsumerRecord<byte[], byte[]>> dead = TopicSnapshot.read(KAFKA.bootstrapServers(), client, Topics.ARTICLES_DLQ);
        List<String> reasons = new ArrayList<>();
        dead.forEach(r -> reasons.add(new String(r.headers().lastHeader("monitor.error.reason").value(), StandardCharsets.UTF_8)));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not valid JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not a valid Article JSON value")), reasons.toString());
        assertTrue(dead.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals("{not json at all")),
                "the processor's dead letter keeps the original bytes");
    }

    private MentionWindow finalWindow(String country) {
        JsonSerde<MentionWindow> serde = JsonSerde.of(MentionWindow.class);
        return TopicSnapshot.read(KAFKA.bootstrapServers(), new Properties(), Topics.MENTIONS_BY_COUNTRY).stream()
                .map(r -> serde.deserialize(r.topic(), r.value()))
                .filter(w -> w.country().equals(country) && w.isFinal())
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no final window for " + country));
    }

    private static void produceGarbage(byte[] value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, "garbage".getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private static String article(String url, Instant publishedAt, String title, String text) {
        return "{\"url\":\"" + url + "\",\"source\":\"Example\",\"title\":\"" + title.replace("\"", "\\\"")
                + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\",\"language\":\"en\",\"published_at\":\"" + publishedAt + "\"}";
    }
}
