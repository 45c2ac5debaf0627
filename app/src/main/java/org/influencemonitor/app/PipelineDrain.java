package org.influencemonitor.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when a consumer group has processed everything in its input topics: its committed offset has
 * reached the last committed record of every partition. This is how the demo knows the replay is done
 * without sleeping: once ingest has flushed, every record is in Kafka, and "processed" is a fact the
 * broker can report.
 */
public final class PipelineDrain implements AutoCloseable {
    private final Admin admin;

    public PipelineDrain(String bootstrapServers, Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /**
     * Waits until {@code groupId} has no records left in the topics {@code inputs} accepts, twice in a row
     * (a repartition topic can be refilled by the same group between two looks).
     */
    public void awaitCaughtUp(String groupId, Predicate<String> inputs, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idleLooks = 0;
        while (idleLooks < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer group " + groupId + " still has records to process after "
                        + timeout + ": " + lag(groupId, inputs));
            }
            idleLooks = lag(groupId, inputs).values().stream().allMatch(l -> l == 0) ? idleLooks + 1 : 0;
            Thread.sleep(100);
        }
    }

    /** Records not yet processed by {@code groupId}, per partition of the matching topics. */
    public Map<TopicPartition, Long> lag(String groupId, Predicate<String> inputs) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        try {
            List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(inputs).toList();
            for (TopicDescription description : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> lag = new HashMap<>();
            ends.forEach((tp, end) -> {
                OffsetAndMetadata done = committed.get(tp);
                lag.put(tp, Math.max(0, end - (done == null ? 0 : done.offset())));
            });
            return lag;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("the broker did not answer within 10 s", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
