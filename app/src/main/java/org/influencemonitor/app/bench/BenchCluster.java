package org.influencemonitor.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.influencemonitor.model.Topics;

/**
 * The broker the bench measures on, and the one thing it does to it between runs: give the next run empty
 * topics (the monitor's, the pass-through's output, none left from earlier runs' application ids). The monitor's topic names are fixed by its topology, so on an external cluster
 * this is only done when the user said so ({@code --recreate-topics}).
 */
final class BenchCluster implements AutoCloseable {
    static final String PASSTHROUGH_TOPIC = "bench.passthrough";
    /** Prefix of every application id the bench uses, and so of every internal topic it leaves behind. */
    static final String APPLICATION_PREFIX = "influence-monitor-bench-";
    private static final long WAIT_SECONDS = 60;

    private final boolean isEmbedded;
    private EmbeddedKafkaBroker embedded;
    private String bootstrapServers;
    private final Properties clientProperties;
    private final int partitions;

    private BenchCluster(EmbeddedKafkaBroker embedded, String bootstrapServers, Properties clientProperties, int partitions) {
        this.isEmbedded = embedded != null;
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
        this.partitions = partitions;
    }

    /** A broker started in this JVM, as {@code monitor demo} does. */
    static BenchCluster embedded(int partitions, Properties clientProperties) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
        return new BenchCluster(broker, broker.bootstrapServers(), clientProperties, partitions);
    }

    static BenchCluster external(String bootstrapServers, Properties clientProperties, int partitions) {
        return new BenchCluster(null, bootstrapServers, clientProperties, partitions);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Properties clientProperties() {
        return clientProperties;
    }

    int partitions() {
        return partitions;
    }

    boolean isEmbedded() {
        return isEmbedded;
    }

    /**
     * Empty topics for the next run. The embedded broker is replaced by a new one (a few seconds): on one
     * in-JVM KRaft broker, a topic deleted and created again under the same name was at times not served for
     * over a minute ("This server does not host this topic-partition"), and its old files would be deleted in
     * the background during the next measurement. On an external cluster the topics are deleted and created
     * again. Either way the next run starts only once the broker serves every new partition.
     */
    void freshTopics() {
        if (isEmbedded) {
            embedded.close();
            embedded = EmbeddedKafkaBroker.start(0, null);
            bootstrapServers = embedded.bootstrapServers();
        }
        resetTopics();
    }

    /** Deletes what the monitor and the bench use, then creates it anew. */
    private void resetTopics() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
            List<String> doomed = existing.stream().filter(BenchCluster::ours).toList();
            if (!doomed.isEmpty()) {
                admin.deleteTopics(doomed).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            createWhenDeleted(admin);
        } catch (ExecutionException e) {
            throw new BenchFailure("cannot reset the topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new BenchFailure("the broker at " + bootstrapServers + " did not answer within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while resetting topics");
        }
    }

    private static boolean ours(String topic) {
        return Topics.ALL.contains(topic) || topic.equals(PASSTHROUGH_TOPIC) || topic.startsWith(APPLICATION_PREFIX);
    }

    /** Topic deletion completes in the background; a create can fail with "marked for deletion" until then. */
    private void createWhenDeleted(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            List<NewTopic> wanted = new ArrayList<>();
            Set<String> existing = admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
            for (String topic : allTopics()) {
                if (!existing.contains(topic)) {
                    int count = topic.equals(Topics.MONITOR_CLOCK) ? 1 : partitions;
                    wanted.add(new NewTopic(topic, Optional.of(count), Optional.empty()));
                }
            }
            if (wanted.isEmpty()) {
                awaitServing(admin, deadline);
                return;
            }
            try {
                admin.createTopics(wanted).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("the deleted topics could not be created again within " + WAIT_SECONDS + " s");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the broker serves every partition of the new topics: an idempotent producer that writes
     * to a partition the broker is still setting up gets NOT_LEADER, retries a batch that was in fact
     * appended, and then fails on an out-of-order sequence. Listing offsets is answered by the partition's
     * leader itself, so it succeeds only once the partition is ready, and it writes nothing.
     */
    private static void awaitServing(Admin admin, long deadline) throws InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        while (true) {
            try {
                if (partitions.isEmpty()) {
                    admin.describeTopics(allTopics()).allTopicNames().get(5, TimeUnit.SECONDS).values().forEach(d ->
                            d.partitions().forEach(p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                }
                admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new BenchFailure("the recreated topics were not served within " + WAIT_SECONDS + " s: "
                            + (e.getCause() == null ? e : e.getCause()).getMessage());
                }
            }
            Thread.sleep(200);
        }
    }

    private static List<String> allTopics() {
        List<String> all = new ArrayList<>(Topics.ALL);
        all.add(PASSTHROUGH_TOPIC);
        return all;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
