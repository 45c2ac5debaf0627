package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.influencemonitor.http.BearerToken;
import org.influencemonitor.http.HttpServerSettings;
import org.influencemonitor.http.SelfSignedKeystore;
import org.influencemonitor.http.TlsKeystore;
import org.influencemonitor.ingest.ArticlePublisher;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Json;
import org.influencemonitor.model.Tags;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.MonitorTopology;
import org.influencemonitor.processor.StreamsSettings;
import org.influencemonitor.processor.enrichment.ArticleEnricher;
import org.influencemonitor.processor.enrichment.TargetCountries;
import org.influencemonitor.processor.dashboard.AlertFeed;
import org.influencemonitor.processor.dashboard.Dashboard;
import org.influencemonitor.processor.query.QueryServer;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processor instances share the work (articles.raw and the by-country repartition topic with four
 * partitions each) and each serves the query API: whichever instance is asked, the answer about a
 * country is the one its owner reads from its stores, and {@code /incidents} gathers both instances'.
 * The API runs as a deployment beyond loopback would: HTTPS with a shared certificate and a bearer token.
 */
class QueryApiIntegrationTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    private static final String APP = "query-api-it";
    private static final int PARTITIONS = 4;
    private static final int THRESHOLD = 3;
    private static final Instant HOUR = Instant.parse("2024-10-18T14:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(3);
    /**
     * Articles per country, all in one hour, so that no window closes before the end-of-data clock tick
     * (four articles.raw partitions are read at different speeds). The countries hash to all four
     * partitions of the repartition topic: PL 0, MD and GE 1, AM 2, RO and HU 3.
     */
    private static final Map<String, Integer> ARTICLES = Map.of("MD", 5, "RO", 4, "PL", 3, "HU", 3, "AM", 2, "GE", 1);
    private static final Map<String, String> NAMES = Map.of("MD", "Moldova", "RO", "Romania", "PL", "Poland",
            "HU", "Hungary", "AM", "Armenia", "GE", "Georgia");

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    /** Both instances share one certificate and one token, as a deployment's instances do. */
    private HttpServerSettings settings;
    private HttpClient http;
    private static final BearerToken TOKEN = BearerToken.of("query-api-integration-token");

    /**
     * The instances speak HTTPS and require a bearer token, so that every forwarded request in this test
     * also shows forwarding carries the token and trusts the shared certificate.
     */
    @BeforeEach
    void secureTheApi() throws Exception {
        String password = "integration-keystore";
        TlsKeystore keystore = TlsKeystore.load(SelfSignedKeystore.create(dir, password), password.toCharArray());
        settings = QueryServer.settingsFor("localhost", 0).withToken(Optional.of(TOKEN)).withTls(Optional.of(keystore));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keystore.asTrustStore());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void eitherInstanceAnswersForEveryCountry() throws Exception {
        TopicSetup.ensureTopics(KAFKA.bootstrapServers(), new Properties(), PARTITIONS, PARTITIONS);
        int portA = freePort();
        int portB = freePort();
        KafkaStreams a = instance("a", portA);
        KafkaStreams b = instance("b", portB);
        QueryServer serverA = server(a, portA);
        QueryServer serverB = server(b, portB);
        a.start();
        b.start();
        await("both instances RUNNING, each owning counting partitions",
                () -> balanced(a, portA, portB) && balanced(b, portA, portB));
        List<Integer> ports = List.of(serverA.port(), serverB.port());

        List<Article> input = articles();
        try (ArticlePublisher publisher = new ArticlePublisher(KAFKA.bootstrapServers(), new Properties())) {
            input.forEach(publisher::publish);
            publisher.flush();
            awaitCaughtUp();
            Map<String, Integer> expected = expectedCounts(input);
            assertEquals(ARTICLES, expected, "the tagger finds each article's one country (the duplicate counts once)");

            // Windows still open: answered from the counter's store.
            Map<String, String> owners = assertCountsAgree(ports, expected, false);
            assertEquals(Set.of("localhost:" + portA, "localhost:" + portB), new HashSet<>(owners.values()),
                    "the countries are spread over both instances, so some answers were forwarded: " + owners);

            // End of data: the clock closes the hour, and the counts come from the window history.
            publisher.advanceClock(HOUR.plus(MonitorConfig.DEFAULT_WINDOW).plus(MonitorConfig.DEFAULT_GRACE));
            publisher.flush();
            awaitCaughtUp();
            assertEquals(owners, assertCountsAgree(ports, expected, true), "the same owners answer after closing");
        }

        Set<String> alerting = new TreeSet<>();
        ARTICLES.forEach((country, n) -> {
            if (n >= THRESHOLD) {
                alerting.add(country);
            }
        });
        JsonNode incidentsA = get(portA, "/incidents");
        JsonNode incidentsB = get(portB, "/incidents");
        assertEquals(incidentsA, incidentsB, "both instances list every instance's incidents");
        List<String> listed = new ArrayList<>();
        incidentsA.get("incidents").forEach(i -> listed.add(i.get("country").asText() + "|" + i.get("rule").asText()));
        assertEquals(alerting.stream().map(c -> c + "|threshold").toList(), listed, "sorted by country and rule");

        for (String country : ARTICLES.keySet()) {
            for (int port : ports) {
                JsonNode alerts = get(port, "/countries/" + country + "/alerts?limit=10").get("alerts");
                JsonNode incidents = get(port, "/countries/" + country + "/incidents").get("incidents");
                if (alerting.contains(country)) {
                    assertEquals(1, alerts.size(), country + ": " + alerts);
                    JsonNode alert = alerts.get(0);
                    assertEquals("threshold", alert.get("rule").asText());
                    assertEquals("firing", alert.get("status").asText());
                    assertEquals(THRESHOLD, alert.get("articles").asInt(), "raised as the threshold was crossed");
                    assertEquals(HOUR.toString(), alert.get("window_start").asText());
                    assertEquals(1, incidents.size());
                    assertEquals(alert.get("alert_id"), incidents.get(0).get("alert_id"));
                } else {
                    assertEquals(0, alerts.size(), country + ": " + alerts);
                    assertEquals(0, incidents.size(), country + ": " + incidents);
                }
            }
        }
        for (int port : ports) {
            assertEquals("RUNNING", get(port, "/health").get("state").asText());
        }
        assertBothInstancesAnswerCoverage(ports);
        assertTheDashboardSeesBothInstances(ports, alerting);
    }

    /**
     * {@code /coverage} from either instance: every counting task of both computed the same coverage state
     * from the broadcast source clocks, so both answer the same, with the one feed of the input.
     */
    private void assertBothInstancesAnswerCoverage(List<Integer> ports) throws Exception {
        JsonNode coverage = get(ports.get(0), "/coverage");
        assertEquals(coverage, get(ports.get(1), "/coverage"), "both instances know the same feeds");
        assertFalse(coverage.get("gap").asBoolean(), coverage.toString());
        assertEquals(HOUR.toString(), coverage.get("last_closed_window").asText(), coverage.toString());
        JsonNode sources = coverage.get("sources");
        assertEquals(1, sources.size(), coverage.toString());
        JsonNode feed = sources.get(0);
        assertEquals("Example", feed.get("source").asText());
        assertEquals(HOUR.toString(), feed.get("last_articles_window").asText());
        assertTrue(feed.get("silent_since").isNull(), feed.toString());
        assertTrue(feed.get("open_alert_id").isNull(), feed.toString());
        assertEquals(0.0, feed.get("expected_per_hour").asDouble(), "one hour is no baseline yet");
    }

    /**
     * The dashboard's data from either instance: the map gathers every country whichever instance owns it,
     * a timeline's baseline is routed like its counts, and the live feed of each shows every alert.
     */
    private void assertTheDashboardSeesBothInstances(List<Integer> ports, Set<String> alerting) throws Exception {
        JsonNode mapA = get(ports.get(0), "/map");
        assertEquals(mapA, get(ports.get(1), "/map"), "both instances draw the same map");
        Map<String, Integer> mapped = new TreeMap<>();
        mapA.get("countries").forEach(c -> mapped.put(c.get("country").asText(), c.get("articles").asInt()));
        assertEquals(new TreeMap<>(ARTICLES), mapped, "every country on the map, from both instances' stores");
        mapA.get("countries").forEach(c -> assertEquals(alerting.contains(c.get("country").asText()),
                c.get("incidents").size() == 1, "incidents on the map: " + c));
        for (String country : ARTICLES.keySet()) {
            assertEquals(get(ports.get(0), "/countries/" + country + "/baseline"),
                    get(ports.get(1), "/countries/" + country + "/baseline"), country);
        }
        for (int port : ports) {
            assertEquals(alerting, feedCountries(port, alerting.size()), "the live feed on port " + port);
        }
    }

    /** The countries of the first {@code alerts} events of the live feed at {@code port}. */
    private Set<String> feedCountries(int port, int alerts) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/alerts/stream"))
                .header("Authorization", TOKEN.header()).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        try (java.util.stream.Stream<String> lines = response.body()) {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                Set<String> countries = new TreeSet<>();
                java.util.Iterator<String> it = lines.iterator();
                while (countries.size() < alerts && it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("data: ")) {
                        try {
                            countries.add(Json.mapper().readTree(line.substring(6)).get("country").asText());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
                return countries;
            }).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** For every country, the same counts from either port; returns the instance that served each country. */
    private Map<String, String> assertCountsAgree(List<Integer> ports, Map<String, Integer> expected, boolean closed)
            throws Exception {
        Map<String, String> owners = new TreeMap<>();
        int total = 0;
        for (String country : ARTICLES.keySet()) {
            String path = "/countries/" + country + "/counts?from=" + HOUR.minusSeconds(86_400) + "&to=" + HOUR.plusSeconds(86_400);
            HttpResponse<String> fromA = send(ports.get(0), path);
            HttpResponse<String> fromB = send(ports.get(1), path);
            assertEquals(200, fromA.statusCode(), fromA.body());
            assertEquals(200, fromB.statusCode(), fromB.body());
            assertEquals(Json.mapper().readTree(fromA.body()), Json.mapper().readTree(fromB.body()), country);
            String owner = fromA.headers().firstValue(QueryServer.SERVED_BY_HEADER).orElseThrow();
            assertEquals(owner, fromB.headers().firstValue(QueryServer.SERVED_BY_HEADER).orElseThrow(), country);
            owners.put(country, owner);
            JsonNode windows = Json.mapper().readTree(fromA.body()).get("windows");
            assertEquals(1, windows.size(), country + ": " + windows);
            assertEquals(HOUR.toString(), windows.get(0).get("window_start").asText());
            assertEquals(closed, windows.get(0).get("final").asBoolean(), country);
            int articles = windows.get(0).get("articles").asInt();
            assertEquals(expected.get(country), articles, country);
            total += articles;
        }
        assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(), total);
        // A country nobody wrote about has no windows, wherever it is asked.
        for (int port : ports) {
            assertEquals(0, get(port, "/countries/FR/counts").get("windows").size());
        }
        return owners;
    }

    /** Distinct relevant articles per target country in the hour, computed without Kafka. */
    private static Map<String, Integer> expectedCounts(List<Article> input) {
        ArticleEnricher enricher = new ArticleEnricher(Tagger.defaults());
        Map<String, Set<String>> ids = new TreeMap<>();
        for (Article article : input) {
            EnrichedArticle enriched = enricher.enrich(article);
            if (enriched.relevant()) {
                for (Tags.CountryTag country : TargetCountries.of(enriched)) {
                    ids.computeIfAbsent(country.code(), c -> new TreeSet<>()).add(article.id());
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach((country, set) -> counts.put(country, set.size()));
        return counts;
    }

    private static List<Article> articles() {
        List<Article> input = new ArrayList<>();
        int minute = 0;
        for (Map.Entry<String, Integer> entry : new TreeMap<>(ARTICLES).entrySet()) {
            String name = NAMES.get(entry.getKey());
            for (int i = 0; i < entry.getValue(); i++) {
                Instant at = HOUR.plusSeconds(60L * (minute++ % 55));
                input.add(article(entry.getKey().toLowerCase() + "-" + i, at, name + " election: Kremlin accused of vote buying",
                        name + "'s electoral commission says the Kremlin paid voters ahead of the election."));
            }
        }
        // Published twice: one article, counted once.
        input.add(input.get(0));
        input.add(article("football", HOUR.plusSeconds(600), "Cup final", "Moldova beat Andorra two-nil."));
        return input;
    }

    private static Article article(String id, Instant at, String title, String text) {
        return new Article(Article.SCHEMA_VERSION, id, "https://news.example/" + id, "Example", title, text, "en", at, at);
    }

    private KafkaStreams instance(String name, int port) {
        Properties user = new Properties();
        user.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + port);
        KafkaStreams streams = new KafkaStreams(MonitorTopology.build(config(), Tagger.defaults()),
                StreamsSettings.of(KAFKA.bootstrapServers(), APP, dir.resolve(name), user));
        open.add(() -> streams.close(Duration.ofSeconds(30)));
        return streams;
    }

    private static MonitorConfig config() {
        return MonitorConfig.defaults().withThreshold(THRESHOLD).withRepartitionPartitions(PARTITIONS);
    }

    private QueryServer server(KafkaStreams streams, int port) throws IOException {
        Dashboard dashboard = new Dashboard(config(), new AlertFeed(KAFKA.bootstrapServers(), new Properties(), null));
        QueryServer server = new QueryServer(streams, "localhost", settings.withPort(port), null, dashboard);
        server.start();
        open.add(server);
        return server;
    }

    /** RUNNING, and both instances own partitions of the by-country repartition topic. */
    private static boolean balanced(KafkaStreams streams, int portA, int portB) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        Set<Integer> owning = new HashSet<>();
        for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
            if (metadata.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(APP + "-by-country-repartition"))) {
                owning.add(metadata.port());
            }
        }
        return owning.equals(Set.of(portA, portB));
    }

    private static void awaitCaughtUp() throws Exception {
        try (PipelineDrain drain = new PipelineDrain(KAFKA.bootstrapServers(), new Properties())) {
            drain.awaitCaughtUp(APP, topic -> topic.equals(Topics.ARTICLES_RAW) || topic.equals(Topics.MONITOR_CLOCK)
                    || (topic.startsWith(APP + "-") && topic.endsWith("-repartition")), WAIT);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + WAIT + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                        .header("Authorization", TOKEN.header()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = send(port, path);
        assertEquals(200, response.statusCode(), path + " on " + port + ": " + response.body());
        JsonNode body = Json.mapper().readTree(response.body());
        assertFalse(body.has("error"), body.toString());
        return body;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
