package org.influencemonitor.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercises the in-JVM broker directly, independent of the Docker/in-JVM choice in KafkaCluster. */
class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(0, null);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsTopicAndRoundTripsARecord() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("articles-test", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertTrue(admin.listTopics().names().get().contains("articles-test"));
            assertEquals(3, admin.describeTopics(Set.of("articles-test")).allTopicNames().get()
                    .get("articles-test").partitions().size());
        }

        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
            sent = producer.send(new ProducerRecord<>("articles-test", 1, "a-1", "{\"title\":\"hello\"}"))
                    .get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, sent.partition());
        assertEquals(0L, sent.offset());

        List<ConsumerRecord<String, String>> got = consume("articles-test", "read_uncommitted", 1);
        assertEquals(1, got.size());
        assertEquals("a-1", got.get(0).key());
        assertEquals("{\"title\":\"hello\"}", got.get(0).value());
        assertEquals(1, got.get(0).partition());
    }

    @Test
    void transactionalProducerCommitsAndAbortsAreVisibleOnlyAsCommitted() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("alerts-tx", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> tx = Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-broker-test-tx",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(tx))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("alerts-tx", "k1", "committed-1"));
            producer.send(new ProducerRecord<>("alerts-tx", "k2", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("alerts-tx", "k3", "aborted"));
            // Without the flush the producer drops the unsent batch on abort and it never reaches the log.
            producer.flush();
            producer.abortTransaction();
        }

        List<ConsumerRecord<String, String>> committed = consume("alerts-tx", "read_committed", 2);
        assertEquals(List.of("committed-1", "committed-2"), committed.stream().map(ConsumerRecord::value).toList());
        // The aborted record is in the log but must be invisible to read_committed readers.
        List<ConsumerRecord<String, String>> raw = consume("alerts-tx", "read_uncommitted", 3);
        assertEquals(List.of("committed-1", "committed-2", "aborted"), raw.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void exactlyOnceV2StreamsAppRuns(@TempDir Path stateDir) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("eos-in", 2, (short) 1), new NewTopic("eos-out", 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v.toUpperCase(java.util.Locale.ROOT))
                .to("eos-out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-broker-eos-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
                producer.send(new ProducerRecord<>("eos-in", "a", "narrative")).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>("eos-in", "b", "alert")).get(30, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, String>> out = consume("eos-out", "read_committed", 2);
            assertEquals(Set.of("NARRATIVE", "ALERT"), out.stream().map(ConsumerRecord::value).collect(Collectors.toSet()));
            assertEquals(KafkaStreams.State.RUNNING, streams.state());
        }
    }

    @Test
    void closeIsIdempotentAndDeletesTheTemporaryDirectory() {
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(0, null);
        Path dir = second.dataDir();
        assertTrue(Files.isDirectory(dir));
        assertTrue(second.bootstrapServers().startsWith("127.0.0.1:"));
        second.close();
        second.close();
        assertFalse(Files.exists(dir));
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            var e = assertThrows(EmbeddedKafkaBroker.PortInUseException.class,
                    () -> EmbeddedKafkaBroker.start(taken.getLocalPort(), null));
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> conf = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        conf.putAll(extra);
        return conf;
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, String isolation, int expected) {
        Map<String, Object> conf = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + isolation,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(conf)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // A short extra poll catches records that should not be there.
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }
}
