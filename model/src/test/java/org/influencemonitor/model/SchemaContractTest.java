package org.influencemonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas in {@code src/main/resources/schemas} against what the records really serialise to
 * with {@link Json#mapper()}: realistic instances validate, every property they write is declared (so a
 * field added to a record without the schema fails here), every declared property is written by the full
 * instances (so the schema names no phantom field), what is required or enumerated is enforced, and
 * every instance reads back equal.
 */
class SchemaContractTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** format is only an annotation in 2020-12 unless asserted; the contract promises date-time and uuid. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    static final String RAW = "articles.raw.schema.json";
    static final String ENRICHED = "articles.enriched.schema.json";
    static final String MENTIONS = "mentions.by-country.schema.json";
    static final String ALERTS = "alerts.schema.json";
    static final String CLOCK = "monitor.clock.schema.json";
    static final String LATE = "articles.late.schema.json";

    /** Topic value schemas, by topic name. */
    static final Map<String, String> SCHEMA_OF_TOPIC = Map.of(
            Topics.ARTICLES_RAW, RAW,
            Topics.ARTICLES_ENRICHED, ENRICHED,
            Topics.MENTIONS_BY_COUNTRY, MENTIONS,
            Topics.ALERTS, ALERTS,
            Topics.MONITOR_CLOCK, CLOCK,
            Topics.ARTICLES_LATE, LATE);

    /** Every record type of the contract and the object schema that describes it (file and JSON pointer). */
    static final Map<Class<?>, String[]> SCHEMA_OF_TYPE = new LinkedHashMap<>();

    static {
        SCHEMA_OF_TYPE.put(Article.class, new String[] {RAW, ""});
        SCHEMA_OF_TYPE.put(EnrichedArticle.class, new String[] {ENRICHED, ""});
        SCHEMA_OF_TYPE.put(Tags.class, new String[] {ENRICHED, "/$defs/Tags"});
        SCHEMA_OF_TYPE.put(Tags.CountryTag.class, new String[] {ENRICHED, "/$defs/CountryTag"});
        SCHEMA_OF_TYPE.put(Tags.ActorTag.class, new String[] {ENRICHED, "/$defs/ActorTag"});
        SCHEMA_OF_TYPE.put(Tags.TermTag.class, new String[] {ENRICHED, "/$defs/TermTag"});
        SCHEMA_OF_TYPE.put(Tags.NarrativeTag.class, new String[] {ENRICHED, "/$defs/NarrativeTag"});
        SCHEMA_OF_TYPE.put(Tags.Match.class, new String[] {ENRICHED, "/$defs/Match"});
        SCHEMA_OF_TYPE.put(MentionWindow.class, new String[] {MENTIONS, ""});
        SCHEMA_OF_TYPE.put(Alert.class, new String[] {ALERTS, ""});
        SCHEMA_OF_TYPE.put(Alert.Evidence.class, new String[] {ALERTS, "/$defs/Evidence"});
        SCHEMA_OF_TYPE.put(ClockTick.class, new String[] {CLOCK, ""});
        SCHEMA_OF_TYPE.put(MentionWindow.ActorCount.class, new String[] {MENTIONS, "/$defs/ActorCount"});
        SCHEMA_OF_TYPE.put(MentionWindow.TermCount.class, new String[] {MENTIONS, "/$defs/TermCount"});
        SCHEMA_OF_TYPE.put(Alert.Election.class, new String[] {ALERTS, "/properties/election"});
        SCHEMA_OF_TYPE.put(LateArticle.class, new String[] {LATE, ""});
    }

    // ---------------------------------------------------------------- fixtures

    /** One instance to check: its schema, and whether it fills every field (so it must use every property). */
    record Case(String name, String schema, Object value, boolean full) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Instant PUBLISHED = Instant.parse("2024-10-18T07:42:00Z");
    static final Instant INGESTED = Instant.parse("2024-10-18T07:43:05.123456789Z");
    static final Instant WINDOW_START = Instant.parse("2024-10-18T06:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2024-10-18T07:00:00Z");

    static final String ID = "3f9a0c51d2e84b7a9c1e6f20a8b4d735";
    static final String URL = "https://www.rt.com/news/605123-moldova-referendum-vote-buying/?utm_source=feed";
    static final String TITLE = "Moldova's referendum: Chisinau accuses Moscow of vote-buying";
    static final String TEXT = "Moldovan police say a network linked to the Kremlin paid voters ahead of Sunday's "
            + "election and EU referendum. Russia denies interfering; the opposition calls the vote rigged.";

    static Article fullArticle() {
        return new Article(1, ID, URL, "RT", TITLE, TEXT, "en", PUBLISHED, INGESTED, List.of("MD", "RU"), true, true);
    }

    /** Every optional field null: no url, source, language or publication time. */
    static Article minimalArticle() {
        return new Article(1, "feed-7781", null, null, TITLE, TEXT, null, null, INGESTED);
    }

    static Article titleOnlyArticle() {
        return new Article(1, "feed-7782", null, null, TITLE, null, null, null, INGESTED);
    }

    static Article textOnlyArticle() {
        return new Article(1, "feed-7783", null, null, null, TEXT, null, null, INGESTED);
    }

    static final Tags.ActorTag RT = new Tags.ActorTag("rt", "RT", "RU", ActorKind.STATE_MEDIA, 1);

    static Tags fullTags() {
        String document = TITLE + "\n\n" + TEXT;
        List<Tags.Match> matches = List.of(
                match(document, "country", "MD", "Moldova"),
                match(document, "actor", "kremlin", "Kremlin"),
                match(document, "election_term", "referendum", "referendum"),
                match(document, "election_term", "election", "election"),
                match(document, "country", "RU", "Russia"),
                match(document, "narrative", "election_fraud_claim", "rigged"));
        return new Tags(
                List.of(new Tags.CountryTag("MD", "Moldova", 2), new Tags.CountryTag("RU", "Russia", 1)),
                List.of(new Tags.ActorTag("kremlin", "Presidential Administration of Russia (Kremlin)", "RU",
                        ActorKind.GOVERNMENT, 1)),
                List.of(new Tags.TermTag("election", 1), new Tags.TermTag("referendum", 2)),
                List.of(new Tags.NarrativeTag("election_fraud_claim", 1)),
                matches);
    }

    private static Tags.Match match(String document, String type, String id, String text) {
        int start = document.indexOf(text);
        assertTrue(start >= 0, text + " is not in the document");
        return new Tags.Match(type, id, start, start + text.length(), text);
    }

    static EnrichedArticle fullEnriched() {
        return EnrichedArticle.of(fullArticle(), fullTags(), true, RT);
    }

    /** A headline that names no country, about the countries its source gave as hints. */
    static EnrichedArticle hintedEnriched() {
        Tags text = fullTags();
        Tags hinted = new Tags(List.of(Tags.CountryTag.hinted("MD", "Moldova"), Tags.CountryTag.hinted("RU", "Russia")),
                text.actors(), text.electionTerms(), text.narratives(),
                text.matches().stream().filter(m -> !m.type().equals("country")).toList());
        return EnrichedArticle.of(fullArticle(), hinted, true, RT);
    }

    /** Every optional field null, no source actor, nothing tagged. */
    static EnrichedArticle minimalEnriched() {
        return EnrichedArticle.of(minimalArticle(), Tags.empty(), false, null);
    }

    static final MentionWindow.ActorCount KREMLIN =
            new MentionWindow.ActorCount("kremlin", "Kremlin", "RU", ActorKind.GOVERNMENT, 4);
    static final MentionWindow.TermCount REFERENDUM = new MentionWindow.TermCount("referendum", 9);

    static MentionWindow openWindow() {
        return new MentionWindow(1, "MD", WINDOW_START, WINDOW_END, 7, 12, false, 3, 2, List.of(KREMLIN), List.of(REFERENDUM));
    }

    static MentionWindow finalWindow() {
        return new MentionWindow(1, "MD", WINDOW_START, WINDOW_END, 9, 15, true, 4, 2, List.of(KREMLIN), List.of(REFERENDUM));
    }

    /** As written before the breakdown was added. */
    static MentionWindow firstCutWindow() {
        return new MentionWindow(1, "MD", WINDOW_START, WINDOW_END, 9, 15, true, null, null, null, null);
    }

    static LateArticle lateArticle() {
        return new LateArticle(1, ID, URL, TITLE, "MD", PUBLISHED, WINDOW_START, WINDOW_END, WINDOW_END.plusSeconds(3600));
    }

    static String alertId() {
        return UUID.nameUUIDFromBytes(("threshold|MD|" + WINDOW_START + "|" + WINDOW_END)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Alert fullAlert() {
        return new Alert(1, alertId(), "threshold", "MD", WINDOW_START, WINDOW_END, 10, 5, Alert.Severity.CRITICAL,
                Alert.Status.FIRING,
                List.of(new Alert.Evidence(ID, TITLE, URL, "RT"),
                        new Alert.Evidence("9b1d44e0c7a35f8e21d0b6a4c93e7f12", "Moldova votes under pressure",
                                "https://example.org/moldova-votes", "Example")),
                Instant.parse("2024-10-18T07:43:06.481Z"), 9.2, 3.5, "Moldova: 10 relevant articles, 2.9x its baseline",
                WINDOW_START, 1, List.of(KREMLIN), List.of(REFERENDUM),
                new Alert.Election(java.time.LocalDate.parse("2024-10-20"), "president"));
    }

    /** Evidence with its optional title and url null (an article with neither). */
    static Alert alertWithBareEvidence() {
        return new Alert(1, alertId(), "threshold", "MD", WINDOW_START, WINDOW_END, 5, 5, Alert.Severity.WARNING,
                Alert.Status.RESOLVED, List.of(new Alert.Evidence("feed-7783", null, null)),
                Instant.parse("2024-10-18T07:43:06Z"));
    }

    /** A source gone silent (issue 12): about the feeds, so the country is ZZ; no evidence, no actors. */
    static Alert coverageAlert() {
        return new Alert(1, alertId(), "coverage", "ZZ", WINDOW_START, WINDOW_END, 0, 1, Alert.Severity.WARNING,
                Alert.Status.FIRING, List.of(), Instant.parse("2024-10-18T07:43:06Z"), 14.2, 14.2,
                "Source newswire-1 is silent since 2024-10-18 06:00 UTC: 14 articles were expected from it in that time.",
                WINDOW_START, 0, List.of(), null, null);
    }

    static Alert alertWithoutEvidence() {
        return new Alert(1, alertId(), "threshold", "MD", WINDOW_START, WINDOW_END, 5, 5, Alert.Severity.INFO,
                Alert.Status.FIRING, List.of(), Instant.parse("2024-10-18T07:43:06Z"));
    }

    static ClockTick tick() {
        return new ClockTick(1, Instant.parse("2024-10-18T08:05:00Z"));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("article, all fields", RAW, fullArticle(), true),
                new Case("article, optional fields null", RAW, minimalArticle(), false),
                new Case("article, title only", RAW, titleOnlyArticle(), false),
                new Case("article, text only", RAW, textOnlyArticle(), false),
                new Case("enriched, all fields but countries' from_hint", ENRICHED, fullEnriched(), false),
                new Case("enriched, all fields, countries from the source's hints", ENRICHED, hintedEnriched(), true),
                new Case("enriched, optional fields null, no tags", ENRICHED, minimalEnriched(), false),
                new Case("mention window, open", MENTIONS, openWindow(), true),
                new Case("mention window, final", MENTIONS, finalWindow(), true),
                new Case("alert, all fields", ALERTS, fullAlert(), true),
                new Case("alert, evidence without title and url", ALERTS, alertWithBareEvidence(), false),
                new Case("alert, no evidence", ALERTS, alertWithoutEvidence(), false),
                new Case("alert, coverage of the feeds", ALERTS, coverageAlert(), false),
                new Case("mention window, first cut", MENTIONS, firstCutWindow(), false),
                new Case("late article", LATE, lateArticle(), true),
                new Case("clock tick", CLOCK, tick(), true));
    }

    static Stream<Case> fullCases() {
        return cases().filter(Case::full);
    }

    // ---------------------------------------------------------------- instances against schemas

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serialisedInstanceIsValid(Case c) {
        JsonNode json = serialise(c.value());
        assertEquals(Set.of(), errors(c.schema(), json), () -> c.name() + " " + json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySerialisedPropertyIsDeclaredInTheSchema(Case c) {
        JsonNode json = serialise(c.value());
        List<String> undeclared = new ArrayList<>();
        walk(schemaNode(c.schema()), schemaNode(c.schema()), json, "", (path, schema, value) -> {
            JsonNode properties = schema.path("properties");
            value.fieldNames().forEachRemaining(name -> {
                if (!properties.has(name)) {
                    undeclared.add(path + "/" + name);
                }
            });
        });
        assertEquals(List.of(), undeclared, () -> "written by " + c.value().getClass().getSimpleName()
                + " but not declared in " + c.schema() + ": " + json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullCases")
    void fullInstanceWritesEveryDeclaredProperty(Case c) {
        JsonNode json = serialise(c.value());
        List<String> unwritten = new ArrayList<>();
        walk(schemaNode(c.schema()), schemaNode(c.schema()), json, "", (path, schema, value) ->
                schema.path("properties").fieldNames().forEachRemaining(name -> {
                    if (!value.has(name)) {
                        unwritten.add(path + "/" + name);
                    }
                }));
        assertEquals(List.of(), unwritten, () -> "declared in " + c.schema() + " but not written: " + json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsBackEqual(Case c) throws IOException {
        String json = MAPPER.writeValueAsString(c.value());
        assertEquals(c.value(), MAPPER.readValue(json, c.value().getClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addedFieldsAreValidAndIgnoredOnRead(Case c) throws IOException {
        JsonNode json = serialise(c.value());
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(json, objects);
        objects.forEach(o -> o.put("added_in_a_later_version", "x"));
        assertEquals(Set.of(), errors(c.schema(), json));
        assertEquals(c.value(), MAPPER.treeToValue(json, c.value().getClass()));
    }

    @Test
    void timestampsAreIsoUtcStrings() {
        JsonNode json = serialise(fullArticle());
        assertEquals("2024-10-18T07:42:00Z", json.get("published_at").textValue());
        assertEquals("2024-10-18T07:43:05.123456789Z", json.get("ingested_at").textValue());
        assertEquals("2024-10-18T06:00:00Z", serialise(fullAlert()).get("window_start").textValue());
        JsonNode window = serialise(finalWindow());
        assertTrue(window.get("final").booleanValue());
        assertFalse(window.has("is_final"));
    }

    // ---------------------------------------------------------------- the schemas reject what breaks the contract

    @TestFactory
    Stream<DynamicTest> missingRequiredFieldIsRejected() {
        List<DynamicTest> tests = new ArrayList<>();
        fullCases().forEach(c -> {
            JsonNode json = serialise(c.value());
            walk(schemaNode(c.schema()), schemaNode(c.schema()), json, "", (path, schema, value) ->
                    schema.path("required").forEach(name -> {
                        String pointer = path + "/" + name.textValue();
                        tests.add(DynamicTest.dynamicTest(c.name() + " without " + pointer, () -> {
                            JsonNode broken = json.deepCopy();
                            ((ObjectNode) broken.at(path)).remove(name.textValue());
                            assertRejected(c.schema(), broken);
                        }));
                    }));
        });
        assertTrue(tests.size() >= 40, "expected a test per required field, got " + tests.size());
        return tests.stream();
    }

    static Stream<Object[]> badValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Stream.of(
                new Object[] {"article", RAW, fullArticle(), "/schema_version", f.numberNode(2)},
                new Object[] {"article", RAW, fullArticle(), "/id", f.textNode("")},
                new Object[] {"article", RAW, fullArticle(), "/published_at", f.textNode("yesterday")},
                new Object[] {"article", RAW, fullArticle(), "/published_at", f.textNode("2024-10-18 07:42")},
                new Object[] {"article", RAW, fullArticle(), "/published_at", f.numberNode(1729237320000L)},
                new Object[] {"article", RAW, fullArticle(), "/ingested_at", f.textNode("18/10/2024")},
                new Object[] {"article", RAW, fullArticle(), "/url", f.nullNode()},
                new Object[] {"article", RAW, fullArticle(), "/title", f.numberNode(42)},
                new Object[] {"article", RAW, fullArticle(), "/country_hints", f.arrayNode().add("md")},
                new Object[] {"article", RAW, fullArticle(), "/country_hints", f.arrayNode().add("MD").add("MD")},
                new Object[] {"article", RAW, fullArticle(), "/truncated", f.textNode("yes")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/relevant", f.textNode("yes")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/source_actor/kind", f.textNode("STATE_MEDIA")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/source_actor/kind", f.textNode("broadcaster")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/source_actor/country", f.textNode("RUS")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/tags/actors/0/kind", f.textNode("spy")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/tags/countries/0/code", f.textNode("md")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/tags/countries/0/mentions", f.numberNode(0)},
                new Object[] {"enriched", ENRICHED, hintedEnriched(), "/tags/countries/0/mentions", f.numberNode(2)},
                new Object[] {"enriched", ENRICHED, hintedEnriched(), "/tags/countries/0/from_hint", f.textNode("yes")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/country_hints", f.arrayNode().add("Moldova")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/tags/matches/0/type", f.textNode("person")},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/tags/matches/0/start", f.numberNode(-1)},
                new Object[] {"enriched", ENRICHED, fullEnriched(), "/tags/narratives", f.objectNode()},
                new Object[] {"mentions", MENTIONS, finalWindow(), "/country", f.textNode("Moldova")},
                new Object[] {"mentions", MENTIONS, finalWindow(), "/final", f.textNode("true")},
                new Object[] {"mentions", MENTIONS, finalWindow(), "/window_end", f.textNode("2024-10-18T07:00")},
                new Object[] {"mentions", MENTIONS, finalWindow(), "/articles", f.numberNode(-3)},
                new Object[] {"alert", ALERTS, fullAlert(), "/severity", f.textNode("urgent")},
                new Object[] {"alert", ALERTS, fullAlert(), "/severity", f.textNode("CRITICAL")},
                new Object[] {"alert", ALERTS, fullAlert(), "/status", f.textNode("open")},
                new Object[] {"alert", ALERTS, fullAlert(), "/alert_id", f.textNode("threshold-MD-1")},
                new Object[] {"alert", ALERTS, fullAlert(), "/country", f.textNode("XXX")},
                new Object[] {"alert", ALERTS, fullAlert(), "/threshold", f.numberNode(0)},
                new Object[] {"alert", ALERTS, fullAlert(), "/evidence/0/id", f.numberNode(7)},
                new Object[] {"alert", ALERTS, fullAlert(), "/created_at", f.textNode("now")},
                new Object[] {"clock", CLOCK, tick(), "/event_time", f.textNode("2024-10-18")},
                new Object[] {"clock", CLOCK, tick(), "/schema_version", f.textNode("1")});
    }

    @ParameterizedTest(name = "{0} with {3} = {4}")
    @MethodSource("badValues")
    void badValueIsRejected(String name, String schemaFile, Object value, String pointer, JsonNode bad) {
        JsonNode json = serialise(value);
        assertFalse(json.at(pointer).isMissingNode(), pointer + " is not in " + json);
        replace(json, pointer, bad);
        assertRejected(schemaFile, json);
    }

    @Test
    void articleWithNeitherTitleNorTextIsRejected() {
        for (String schema : List.of(RAW, ENRICHED)) {
            ObjectNode json = (ObjectNode) serialise(schema.equals(RAW) ? fullArticle() : fullEnriched());
            json.remove("title");
            json.remove("text");
            assertRejected(schema, json);
        }
    }

    // ---------------------------------------------------------------- the schemas against the record types

    /** A field added to a record fails here even when every fixture leaves it null. */
    @Test
    void everyJsonPropertyOfEveryRecordIsDeclaredAndNoOther() {
        for (Map.Entry<Class<?>, String[]> e : SCHEMA_OF_TYPE.entrySet()) {
            Set<String> written = MAPPER.getSerializationConfig()
                    .introspect(MAPPER.constructType(e.getKey()))
                    .findProperties().stream()
                    .map(BeanPropertyDefinition::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            JsonNode schema = schemaNode(e.getValue()[0]).at(e.getValue()[1]);
            assertFalse(schema.isMissingNode(), e.getValue()[0] + "#" + e.getValue()[1]);
            Set<String> declared = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(declared::add);
            assertEquals(written, declared, () -> e.getKey().getName() + " vs " + e.getValue()[0] + "#" + e.getValue()[1]);
        }
    }

    /**
     * The properties that may be absent, per type; everything else is always written and must be required.
     * title and text are each optional, but the article schemas require at least one of them (anyOf).
     */
    static final Map<Class<?>, Set<String>> OPTIONAL = Map.of(
            Article.class, Set.of("url", "source", "language", "published_at", "title", "text", "country_hints",
                    "truncated", "published_at_from_ingest"),
            EnrichedArticle.class, Set.of("url", "source", "language", "published_at", "title", "text", "source_actor",
                    "country_hints", "truncated", "published_at_from_ingest"),
            Tags.CountryTag.class, Set.of("from_hint"),
            Alert.Evidence.class, Set.of("title", "url", "source"),
            MentionWindow.class, Set.of("fraud_claim_articles", "state_linked_fraud_articles", "actors", "top_terms"),
            Alert.class, Set.of("score", "expected", "summary", "incident_start", "update", "top_actors", "top_terms",
                    "election"),
            Alert.Election.class, Set.of("type"),
            LateArticle.class, Set.of("url", "title"));

    @Test
    void everythingButTheOptionalFieldsIsRequired() {
        for (Map.Entry<Class<?>, String[]> e : SCHEMA_OF_TYPE.entrySet()) {
            JsonNode schema = schemaNode(e.getValue()[0]).at(e.getValue()[1]);
            Set<String> expected = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(expected::add);
            expected.removeAll(OPTIONAL.getOrDefault(e.getKey(), Set.of()));
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(n -> required.add(n.textValue()));
            assertEquals(expected, required, () -> "required of " + e.getKey().getName());
        }
    }

    /** A new record type reachable from a topic value must be given a schema here too. */
    @Test
    void everyRecordTypeOfTheContractHasASchema() {
        Set<Class<?>> reachable = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(
                Article.class, EnrichedArticle.class, MentionWindow.class, Alert.class, ClockTick.class, LateArticle.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!type.isRecord() || !reachable.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                todo.push(component.getType());
                Type generic = component.getGenericType();
                if (generic instanceof ParameterizedType p) {
                    for (Type argument : p.getActualTypeArguments()) {
                        if (argument instanceof Class<?> k) {
                            todo.push(k);
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(names(SCHEMA_OF_TYPE.keySet())), new TreeSet<>(names(reachable)));
    }

    @Test
    void enumsMatchTheJavaEnums() {
        assertEquals(wireNames(ActorKind.values()), enumOf(ENRICHED, "/$defs/ActorKind"));
        assertEquals(wireNames(Alert.Severity.values()), enumOf(ALERTS, "/properties/severity"));
        assertEquals(wireNames(Alert.Status.values()), enumOf(ALERTS, "/properties/status"));
        assertEquals(List.of("country", "actor", "election_term", "narrative"),
                enumOf(ENRICHED, "/$defs/Match/properties/type"));
    }

    @Test
    void everyTopicWithAValueSchemaIsCovered() {
        Set<String> withSchema = new TreeSet<>(Topics.ALL);
        withSchema.remove(Topics.ARTICLES_DLQ); // its value is the original bytes, documented in README.md
        withSchema.remove(Topics.ALERTS_DLQ);   // the same
        assertEquals(withSchema, new TreeSet<>(SCHEMA_OF_TOPIC.keySet()));
        String readme = resource("schemas/README.md");
        for (String topic : Topics.ALL) {
            assertTrue(readme.contains("`" + topic + "`"), "README.md does not list " + topic);
        }
        SCHEMA_OF_TOPIC.values().forEach(file -> assertTrue(readme.contains(file), "README.md does not list " + file));
    }

    // ---------------------------------------------------------------- the schemas themselves

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaIsValidDraft202012(String file) {
        JsonNode schema = schemaNode(file);
        assertEquals(DRAFT_2020_12, schema.path("$schema").textValue());
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(DRAFT_2020_12), CONFIG);
        assertEquals(Set.of(), meta.validate(schema), file);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaIsDocumentedVersionedAndOpen(String file) {
        JsonNode schema = schemaNode(file);
        assertEquals("https://influencemonitor.org/schemas/" + file, schema.path("$id").textValue());
        assertTrue(schema.path("title").isTextual(), file + " has no title");
        assertTrue(schema.path("description").textValue().length() > 100, file + " has no real description");
        assertEquals(1, schema.at("/properties/schema_version/const").intValue(), file + " schema_version");
        assertTrue(contains(schema.path("required"), "schema_version"), file + " must require schema_version");

        List<String> problems = new ArrayList<>();
        List<JsonNode> objectSchemas = new ArrayList<>(List.of(schema));
        schema.path("$defs").forEach(def -> {
            if ("object".equals(def.path("type").textValue())) {
                objectSchemas.add(def);
            }
        });
        for (JsonNode object : objectSchemas) {
            String where = file + " " + object.path("description").asText("?");
            if (!object.path("additionalProperties").booleanValue()) {
                problems.add(where + ": additionalProperties must be true");
            }
            for (JsonNode required : object.path("required")) {
                if (!object.path("properties").has(required.textValue())) {
                    problems.add(where + ": requires undeclared " + required.textValue());
                }
            }
            object.path("properties").fields().forEachRemaining(p -> {
                JsonNode property = p.getValue();
                if (!property.path("description").isTextual() || property.path("description").textValue().isBlank()) {
                    problems.add(where + ": " + p.getKey() + " has no description");
                }
                if (!property.has("type") && !property.has("$ref")) {
                    problems.add(where + ": " + p.getKey() + " has no type");
                }
                boolean timestamp = p.getKey().endsWith("_at") || p.getKey().startsWith("window_")
                        || p.getKey().equals("event_time") || p.getKey().equals("incident_start")
                        || p.getKey().equals("stream_time");
                if (timestamp != "date-time".equals(property.path("format").textValue())) {
                    problems.add(where + ": " + p.getKey() + " timestamp/format date-time mismatch");
                }
                boolean countryCode = p.getKey().equals("country") || p.getKey().equals("code");
                if (countryCode && !"^[A-Z]{2}$".equals(resolve(schema, property).path("pattern").textValue())) {
                    problems.add(where + ": " + p.getKey() + " is not an ISO 3166-1 alpha-2 pattern");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    static Stream<String> schemaFiles() {
        return Stream.of(RAW, ENRICHED, MENTIONS, ALERTS, CLOCK, LATE);
    }

    // ---------------------------------------------------------------- helpers

    private static final Map<String, JsonSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, JsonNode> SCHEMA_NODES = new java.util.concurrent.ConcurrentHashMap<>();

    static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file,
                f -> FACTORY.getSchema(SchemaLocation.of("classpath:schemas/" + f), CONFIG));
    }

    static JsonNode schemaNode(String file) {
        return SCHEMA_NODES.computeIfAbsent(file, f -> {
            try {
                return MAPPER.readTree(resource("schemas/" + f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String resource(String name) {
        try (InputStream in = SchemaContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode serialise(Object value) {
        try {
            // through bytes, as the serde writes them, not valueToTree
            return MAPPER.readTree(MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> errors(String file, JsonNode json) {
        return schema(file).validate(json);
    }

    static void assertRejected(String file, JsonNode json) {
        if (errors(file, json).isEmpty()) {
            fail(file + " accepted " + json);
        }
    }

    interface ObjectVisitor {
        void visit(String pointer, JsonNode objectSchema, JsonNode objectValue);
    }

    /** Visits every object of {@code value} with the (resolved) schema that describes it. */
    static void walk(JsonNode root, JsonNode schema, JsonNode value, String pointer, ObjectVisitor visitor) {
        JsonNode resolved = resolve(root, schema);
        if (value.isObject()) {
            visitor.visit(pointer, resolved, value);
            JsonNode properties = resolved.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    walk(root, properties.get(field.getKey()), field.getValue(), pointer + "/" + field.getKey(), visitor);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(root, resolved.path("items"), value.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").textValue();
            assertTrue(ref.startsWith("#/"), "only local references are used: " + ref);
            current = root.at(ref.substring(1));
            assertFalse(current.isMissingNode(), "dangling " + ref);
        }
        return current;
    }

    static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.forEach(child -> collectObjects(child, out));
    }

    static void replace(JsonNode root, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        if (parent instanceof ObjectNode o) {
            o.set(p.last().getMatchingProperty(), value);
        } else {
            ((ArrayNode) parent).set(p.last().getMatchingIndex(), value);
        }
    }

    static boolean contains(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (text.equals(n.textValue())) {
                return true;
            }
        }
        return false;
    }

    static List<String> enumOf(String file, String pointer) {
        JsonNode node = schemaNode(file).at(pointer + "/enum");
        assertTrue(node.isArray(), file + "#" + pointer + " has no enum");
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.textValue()));
        return values;
    }

    static List<String> wireNames(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(MAPPER.valueToTree(v).textValue());
        }
        return names;
    }

    static List<String> names(Set<Class<?>> types) {
        return types.stream().map(Class::getName).toList();
    }
}
