package org.influencemonitor.ingest.rss;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influencemonitor.model.Json;

/**
 * Feed state in Kafka rather than in a local file, so that an ingest restarted elsewhere (another
 * container, another host) knows what it already sent: a compacted topic keyed by feed, read to its end
 * at start, one record written per poll that changed something, each acknowledged before the next poll.
 */
public final class FeedStateStore implements AutoCloseable {
    /** The compacted topic; created by {@code ingest rss} when missing. */
    public static final String TOPIC = "monitor.ingest-state";

    private final String bootstrapServers;
    private final Properties clientProperties;
    private final KafkaProducer<String, byte[]> producer;

    public FeedStateStore(String bootstrapServers, Properties clientProperties) {
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
        Properties props = base();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates the compacted topic when it is missing; an existing one is left as it is. */
    public void ensureTopic() throws IOException {
        try (Admin admin = Admin.create(base())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!names.contains(TOPIC)) {
                NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("cannot create " + TOPIC + " on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IOException("no Kafka broker answered at " + bootstrapServers + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + TOPIC, e);
        }
    }

    /** The latest state of every feed, read from the beginning of the topic to its current end. */
    public Map<String, FeedState> loadAll() throws IOException {
        Properties props = base();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, FeedState> states = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        states.remove(record.key());
                    } else {
                        states.put(record.key(), Json.mapper().readValue(record.value(), FeedState.class));
                    }
                }
            }
        }
        return states;
    }

    /** Writes {@code state} under {@code key} and waits for the acknowledgement. */
    public void save(String key, FeedState state) throws IOException {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, Json.mapper().writeValueAsBytes(state))).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot save the state of " + state.feed() + " to " + TOPIC + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while saving the state of " + state.feed(), e);
        }
    }

    private Properties base() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
