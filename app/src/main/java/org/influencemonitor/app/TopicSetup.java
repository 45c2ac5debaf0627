package org.influencemonitor.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.influencemonitor.model.Topics;

/**
 * Creates the monitor's topics where they are missing. Existing topics are left as they are: their
 * partition counts are the operator's decision, and changing them would move countries between instances.
 */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static List<String> ensureTopics(String bootstrapServers, Properties clientProperties, int partitions) {
        return ensureTopics(bootstrapServers, clientProperties, partitions, partitions);
    }

    /**
     * As {@link #ensureTopics(String, Properties, int)}, with its own partition count for
     * {@code articles.raw} and {@code monitor.clock} (the source side, which sets how many tasks read
     * articles) apart from the rest.
     */
    public static List<String> ensureTopics(String bootstrapServers, Properties clientProperties, int rawPartitions,
                                            int partitions) {
        try (Admin admin = admin(bootstrapServers, clientProperties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    // The clock topic is read beside articles.raw, partition by partition (a processor task
                    // reads both partitions of its number), so it has as many.
                    int count = topic.equals(Topics.MONITOR_CLOCK) || topic.equals(Topics.ARTICLES_RAW)
                            ? rawPartitions : partitions;
                    missing.add(new NewTopic(topic, java.util.Optional.of(count), java.util.Optional.empty()));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new UserError("cannot create topics on " + bootstrapServers + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new UserError("no Kafka broker answered at " + bootstrapServers + " within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating topics");
        }
    }

    /**
     * Creates {@code topic} if it is missing, with as many partitions as {@code like} has (or one, if
     * {@code like} is missing too): for a component that writes one topic of its own, such as the sink's
     * {@code alerts.dlq}, and must not decide the partitions of the others.
     */
    public static void ensureTopicLike(String bootstrapServers, Properties clientProperties, String topic, String like) {
        try (Admin admin = admin(bootstrapServers, clientProperties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (existing.contains(topic)) {
                return;
            }
            int partitions = existing.contains(like)
                    ? admin.describeTopics(List.of(like)).allTopicNames().get(30, TimeUnit.SECONDS).get(like).partitions().size()
                    : 1;
            admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                return; // another instance created it meanwhile
            }
            throw new UserError("cannot create " + topic + " on " + bootstrapServers + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new UserError("no Kafka broker answered at " + bootstrapServers + " within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating " + topic);
        }
    }

    /**
     * How many partitions {@code articles.raw} has: the processor waits for every one of them before it
     * closes a window.
     */
    public static int sourcePartitions(String bootstrapServers, Properties clientProperties) {
        try (Admin admin = admin(bootstrapServers, clientProperties)) {
            return admin.describeTopics(List.of(Topics.ARTICLES_RAW)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.ARTICLES_RAW).partitions().size();
        } catch (ExecutionException e) {
            throw new UserError("cannot describe " + Topics.ARTICLES_RAW + " on " + bootstrapServers + ": "
                    + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new UserError("no Kafka broker answered at " + bootstrapServers + " within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while describing " + Topics.ARTICLES_RAW);
        }
    }

    private static Admin admin(String bootstrapServers, Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }
}
