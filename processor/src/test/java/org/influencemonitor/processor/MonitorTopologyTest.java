package org.influencemonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.ClockTick;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.LateArticle;
import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.rules.RuleEngine;
import org.influencemonitor.processor.rules.RuleKind;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorTopologyTest {
    private static final Instant T0 = Instant.parse("2024-10-18T14:00:00Z");
    private static final Tagger TAGGER = Tagger.defaults();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestInputTopic<String, ClockTick> clock;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, MentionWindow> mentions;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;
    private TestOutputTopic<String, LateArticle> late;

    @BeforeEach
    void start() {
        MonitorConfig config = MonitorConfig.defaults().withThreshold(3);
        driver = new TopologyTestDriver(MonitorTopology.build(config, TAGGER), props(), Instant.parse("2026-01-01T00:00:00Z"));
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(), JsonSerde.of(Article.class));
        rawBytes = driver.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(), new ByteArraySerializer());
        clock = driver.createInputTopic(Topics.MONITOR_CLOCK, new StringSerializer(), JsonSerde.of(ClockTick.class));
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED, new StringDeserializer(), JsonSerde.of(EnrichedArticle.class));
        mentions = driver.createOutputTopic(Topics.MENTIONS_BY_COUNTRY, new StringDeserializer(), JsonSerde.of(MentionWindow.class));
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), JsonSerde.of(Alert.class));
        late = driver.createOutputTopic(Topics.ARTICLES_LATE, new StringDeserializer(), JsonSerde.of(LateArticle.class));
        dlq = driver.createOutputTopic(Topics.ARTICLES_DLQ, new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private Properties props() {
        return StreamsSettings.of("unused:9092", "topology-test", stateDir, new Properties());
    }

    static Article article(String id, Instant publishedAt, String title, String text) {
        return new Article(1, id, "https://news.example/" + id, "Example News", title, text, "en", publishedAt, publishedAt);
    }

    private void publish(Article a) {
        raw.pipeInput(a.id(), a, a.publishedAt());
        // Articles a second apart in wall-clock time, as a feed delivers them: mentions.by-country then
        // carries every update (it coalesces the updates of one window within a second).
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private static Article moldova(String id, Instant at) {
        return article(id, at, "Moldova election under pressure",
                "Officials in Moldova say the Kremlin is trying to sway the vote before the election.");
    }

    @Test
    void enrichesEveryArticleAndFlagsOnlyElectionTalkAboutACountryAsRelevant() {
        publish(moldova("a1", T0));
        publish(article("a2", T0.plusSeconds(60), "Weather", "Sunny spells across Moldova this weekend."));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertEquals(2, out.size());
        EnrichedArticle first = out.get(0);
        assertEquals("a1", first.id());
        assertTrue(first.relevant());
        assertEquals("MD", first.tags().countries().get(0).code());
        assertFalse(first.tags().electionTerms().isEmpty());
        assertFalse(first.tags().matches().isEmpty());
        assertFalse(out.get(1).relevant(), "a country without election talk or actors is not relevant");
    }

    @Test
    void countsDistinctArticlesPerCountryAndWindowAndAlertsOnceWhenTheThresholdIsReached() {
        publish(moldova("a1", T0.plusSeconds(60)));
        publish(moldova("a2", T0.plusSeconds(120)));
        publish(moldova("a2", T0.plusSeconds(130))); // the same article again: not counted twice
        publish(moldova("a3", T0.plusSeconds(180)));
        publish(moldova("a4", T0.plusSeconds(240)));

        List<MentionWindow> counts = mentions.readValuesToList();
        assertEquals(List.of(1, 2, 3, 4), counts.stream().map(MentionWindow::articles).toList());
        assertTrue(counts.stream().allMatch(c -> c.country().equals("MD") && c.windowStart().equals(T0)
                && c.windowEnd().equals(T0.plusSeconds(3600)) && !c.isFinal()));

        List<TestRecord<String, Alert>> fired = alerts.readRecordsToList();
        assertEquals(1, fired.size(), "one alert per country, window and rule");
        Alert alert = fired.get(0).value();
        assertEquals(0, alert.update());
        assertEquals(RuleEngine.alertId(RuleKind.THRESHOLD, "MD", T0), alert.alertId());
        assertEquals("MD", fired.get(0).key());
        assertEquals("threshold", alert.rule());
        assertEquals(3, alert.articles());
        assertEquals(3, alert.threshold());
        assertEquals(Alert.Status.FIRING, alert.status());
        assertEquals(T0, alert.windowStart());
        assertEquals(List.of("a1", "a2", "a3"), alert.evidence().stream().map(Alert.Evidence::id).toList());
    }

    @Test
    void mentionsByCountryCarriesAtMostOneUpdatePerWindowPerSecondWhileTheRulesSeeEveryArticle() {
        for (int i = 1; i <= 4; i++) {
            Article a = moldova("a" + i, T0.plusSeconds(60L * i));
            raw.pipeInput(a.id(), a, a.publishedAt()); // all within one wall-clock instant: a burst
        }
        assertEquals(List.of(1), mentions.readValuesToList().stream().map(MentionWindow::articles).toList(),
                "the first update goes out at once, the rest wait for the interval");
        List<Alert> fired = alerts.readValuesToList();
        assertEquals(1, fired.size(), "the rules did not wait: the threshold of 3 fired within the burst");
        assertEquals(3, fired.get(0).articles());

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of(4), mentions.readValuesToList().stream().map(MentionWindow::articles).toList(),
                "one update carries the latest count");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertTrue(mentions.isEmpty(), "nothing new, nothing sent");

        for (int i = 5; i <= 6; i++) {
            Article a = moldova("a" + i, T0.plusSeconds(600L + i));
            raw.pipeInput(a.id(), a, a.publishedAt());
        }
        clock.pipeInput("c", new ClockTick(1, T0.plus(Duration.ofMinutes(75))), T0.plus(Duration.ofMinutes(75)));
        List<MentionWindow> out = mentions.readValuesToList();
        assertEquals(List.of(5, 6), out.stream().map(MentionWindow::articles).toList(),
                "a quiet second later the next update goes out at once; the final one at once too");
        assertEquals(List.of(false, true), out.stream().map(MentionWindow::isFinal).toList());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertTrue(mentions.isEmpty(), "the final tally replaced the pending update of 6");
    }

    @Test
    void anIncidentKeepsItsIdWhileItLastsUpdatesAtMostOncePerWindowAndResolvesOnceAfterQuietWindows() {
        for (int i = 1; i <= 4; i++) {
            publish(moldova("a" + i, T0.plusSeconds(60L * i)));
        }
        for (int i = 1; i <= 3; i++) {
            publish(moldova("b" + i, T0.plusSeconds(3600 + 60L * i)));
        }
        clock.pipeInput("c", new ClockTick(1, T0.plus(Duration.ofHours(5))), T0.plus(Duration.ofHours(5)));

        List<Alert> events = alerts.readValuesToList();
        String id = RuleEngine.alertId(RuleKind.THRESHOLD, "MD", T0);
        assertEquals(List.of(id, id, id), events.stream().map(Alert::alertId).toList(), events.toString());
        assertEquals(List.of(0, 1, 2), events.stream().map(Alert::update).toList());
        assertEquals(List.of(Alert.Status.FIRING, Alert.Status.FIRING, Alert.Status.RESOLVED),
                events.stream().map(Alert::status).toList());
        assertEquals(T0.plusSeconds(3600), events.get(1).windowStart(), "the update is about the second window");
        assertTrue(events.stream().allMatch(e -> e.incidentStart().equals(T0)));
    }

    @Test
    void aWindowClosesWhenTheClockPassesItsEndPlusGraceAndLateArticlesAreNotCounted() {
        publish(moldova("a1", T0.plusSeconds(60)));
        mentions.readValuesToList();

        // Just before end + grace: still open.
        clock.pipeInput("c", new ClockTick(1, T0.plus(Duration.ofMinutes(74))), T0.plus(Duration.ofMinutes(74)));
        assertTrue(mentions.isEmpty());

        clock.pipeInput("c", new ClockTick(1, T0.plus(Duration.ofMinutes(75))), T0.plus(Duration.ofMinutes(75)));
        List<MentionWindow> closed = mentions.readValuesToList();
        assertEquals(1, closed.size());
        assertTrue(closed.get(0).isFinal());
        assertEquals(1, closed.get(0).articles());

        publish(moldova("late", T0.plusSeconds(120)));
        assertTrue(mentions.isEmpty(), "an article past its window's grace is not counted");
        assertEquals(2, enriched.readValuesToList().size(), "but it is still enriched");
        List<TestRecord<String, LateArticle>> lateOnes = late.readRecordsToList();
        assertEquals(1, lateOnes.size(), "and it goes to articles.late rather than vanishing");
        assertEquals("MD", lateOnes.get(0).key());
        assertEquals("late", lateOnes.get(0).value().id());
        assertEquals(T0, lateOnes.get(0).value().windowStart());
        assertEquals(1.0, metric("late-articles-total"));
    }

    @Test
    void anArticleDatedBeyondTheFutureToleranceIsRejectedToTheDeadLetterTopic() {
        // The driver's wall clock is 2026-01-01T00:00Z.
        publish(moldova("future", Instant.parse("2026-01-01T00:20:00Z")));
        publish(moldova("soon", Instant.parse("2026-01-01T00:10:00Z")));
        assertEquals(List.of("soon"), enriched.readValuesToList().stream().map(EnrichedArticle::id).toList());
        String reason = header(dlq.readRecordsToList().get(0), "monitor.error.reason");
        assertTrue(reason.contains("in the future"), reason);
    }

    @Test
    void windowUpdatesBreakTheCountDownByActorNarrativeAndTerm() {
        publish(article("f1", T0.plusSeconds(60), "Moldova vote was rigged, says Sputnik",
                "Sputnik claims the Moldova election was rigged and stolen."));
        publish(moldova("a1", T0.plusSeconds(120)));
        MentionWindow last = mentions.readValuesToList().get(1);
        assertEquals(2, last.articles());
        assertEquals(1, last.fraudClaimArticles());
        assertEquals(1, last.stateLinkedFraudArticles());
        assertTrue(last.actors().stream().anyMatch(a -> a.id().equals("sputnik") && a.country().equals("RU")), last.actors().toString());
        assertTrue(last.topTerms().stream().anyMatch(t -> t.term().equals("election")), last.topTerms().toString());
    }

    @Test
    void aCountrysShareOfAllRelevantArticlesJumpingRaisesTheShareRuleAndTotalsStayInternal() {
        List<String> countries = List.of("Moldova", "Romania", "Poland", "Hungary", "Germany", "France", "Spain",
                "Italy", "Portugal", "Austria");
        Instant day0 = Instant.parse("2024-10-01T00:00:00Z");
        int n = 0;
        for (int hour = 0; hour < 73; hour++) {
            for (String country : countries) {
                int count = hour == 72 && country.equals("Moldova") ? 30 : 5;
                for (int i = 0; i < count; i++) {
                    Instant at = day0.plusSeconds(hour * 3600L + 60L * i + countries.indexOf(country));
                    publish(article("s" + (n++), at, country + " election", "Voters in " + country + " head to the polls."));
                }
            }
        }
        clock.pipeInput("c", new ClockTick(1, day0.plus(Duration.ofHours(75))), day0.plus(Duration.ofHours(75)));

        List<Alert> events = alerts.readValuesToList().stream().filter(a -> !a.rule().equals("threshold")).toList();
        assertTrue(events.stream().anyMatch(a -> a.rule().equals("share") && a.country().equals("MD")
                        && a.windowStart().equals(day0.plus(Duration.ofHours(72)))), events.toString());
        assertTrue(events.stream().filter(a -> a.rule().equals("share")).allMatch(a -> a.country().equals("MD")),
                "only Moldova's share moved: " + events);
        assertTrue(mentions.readValuesToList().stream().allMatch(m -> m.country().matches("[A-Z]{2}")),
                "the all-countries total is internal");
    }

    private double metric(String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    @Test
    void articlesFromOtherCountriesAdvanceTheClockOfEveryCountry() {
        publish(moldova("a1", T0.plusSeconds(60)));
        publish(article("g1", T0.plus(Duration.ofMinutes(80)), "Georgia votes",
                "Georgia holds an election as voters head to the polls."));
        List<MentionWindow> out = mentions.readValuesToList();
        assertTrue(out.stream().anyMatch(m -> m.country().equals("MD") && m.isFinal()),
                "Moldova's window closed on event time carried by an article about Georgia: " + out);
    }

    @Test
    void articlesThatFailValidationAreDeadLetteredWhileReadingAndProcessingGoesOn() {
        // Refused while reading, so that they never move stream time and keep their own Kafka timestamp; the
        // dead-letter records of that stage are asserted against a real broker (PoisonRecordsTest in the app
        // module): TopologyTestDriver counts them (the handler's meter) but does not surface them.
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Properties props = props();
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("own").toString());
        props.put(org.influencemonitor.processor.telemetry.PipelineMeters.CONFIG,
                new org.influencemonitor.processor.telemetry.PipelineMeters(registry));
        try (TopologyTestDriver own = new TopologyTestDriver(MonitorTopology.build(MonitorConfig.defaults(), TAGGER), props,
                Instant.parse("2026-01-01T00:00:00Z"))) {
            TestInputTopic<String, Article> in = own.createInputTopic(Topics.ARTICLES_RAW, new StringSerializer(), JsonSerde.of(Article.class));
            TestOutputTopic<String, EnrichedArticle> out = own.createOutputTopic(Topics.ARTICLES_ENRICHED, new StringDeserializer(),
                    JsonSerde.of(EnrichedArticle.class));
            in.pipeInput("noid", article(null, T0, "Moldova election", "Moldova votes."), T0);
            in.pipeInput("empty", article("e1", T0, " ", ""), T0);
            in.pipeInput("old", article("old", Instant.parse("1969-12-31T23:59:59Z"), "Moldova election", "Moldova votes."), T0);
            in.pipeInput("a1", moldova("a1", T0.plusSeconds(60)), T0.plusSeconds(60));
            assertEquals(List.of("a1"), out.readValuesToList().stream().map(EnrichedArticle::id).toList(),
                    "processing goes on after rejected records");
            assertEquals(3.0, registry.get("monitor.dead.letters").tag("stage", "deserialization").counter().count());
        }
    }

    @Test
    void anEnrichedArticleTooLargeToWriteSendsItsInputToTheDeadLetterTopicAndProcessingGoesOn() {
        // Within every input limit (100,000 characters of text), but 20,000 country matches make the enriched
        // record larger than a record may be: the producer would refuse it and, under exactly-once, fail the thread.
        publish(article("huge", T0, "Iran", "Iran ".repeat(20_000).strip()));
        publish(moldova("a1", T0.plusSeconds(60)));
        assertEquals(List.of("a1"), enriched.readValuesToList().stream().map(EnrichedArticle::id).toList());
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(1, dead.size());
        String reason = header(dead.get(0), "monitor.error.reason");
        assertTrue(reason.matches("the articles.enriched record would be \\d+ bytes, more than the 1000000 a record may have"), reason);
        assertTrue(new String(dead.get(0).value(), StandardCharsets.UTF_8).startsWith("{"), "the input's bytes");
        assertEquals("processor articles.raw-0@0", header(dead.get(0), "monitor.error.origin"));
    }

    @Test
    void bytesThatAreNotJsonAreSkippedAndProcessingGoesOn() {
        // The dead-letter record for undeserialisable bytes is asserted against a real broker in the
        // app module's end-to-end test: TopologyTestDriver does not surface it.
        rawBytes.pipeInput("bad", "{\"id\": \"x\", \"title\": ".getBytes(StandardCharsets.UTF_8), T0);
        publish(moldova("a1", T0.plusSeconds(60)));
        assertEquals(List.of("a1"), enriched.readValuesToList().stream().map(EnrichedArticle::id).toList());
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
