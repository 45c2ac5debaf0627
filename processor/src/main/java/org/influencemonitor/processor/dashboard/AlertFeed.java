package org.influencemonitor.processor.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.telemetry.KafkaClientMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's view of the {@code alerts} and {@code articles.enriched} topics: one consumer, outside
 * any group, that reads every partition of both (committed records only), keeps the latest alerts and the
 * latest relevant articles, and tells listeners (the live feed) of every new alert. Every instance reads
 * every partition, so each one shows every alert whichever instance raised it, and can open any recent
 * alert's evidence; the price is that each instance reads all of {@code articles.enriched}.
 *
 * <p>At start it reads back the last {@link #ALERT_BACKLOG} alerts and {@link #ARTICLE_BACKLOG} articles of
 * each partition, so a restarted processor's dashboard is not empty.
 */
public final class AlertFeed implements AlertSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    static final int ALERT_BACKLOG = 200;
    static final int ARTICLE_BACKLOG = 2000;
    static final int RECENT_ARTICLES = 5000;
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Optional<KafkaClientMeters> meters;
    private final Deserializer<Alert> alerts = EventTopics.ALERTS.valueSerde().deserializer();
    private final Deserializer<EnrichedArticle> articles = EventTopics.ARTICLES_ENRICHED.valueSerde().deserializer();
    private final ArrayDeque<Alert> recent = new ArrayDeque<>();
    private final RecentArticles recentArticles = new RecentArticles(RECENT_ARTICLES);
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean started;

    /**
     * @param clientProperties the Kafka client settings (security) the processor runs with
     * @param registry         where the consumer's metrics are bound, or null
     */
    public AlertFeed(String bootstrapServers, Properties clientProperties, MeterRegistry registry) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "monitor-dashboard-feed");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.meters = Optional.ofNullable(registry).map(r -> KafkaClientMeters.of(consumer, r));
        this.thread = new Thread(this::run, "dashboard-feed");
        thread.setDaemon(true);
    }

    public void start() {
        started = true;
        thread.start();
    }

    @Override
    public synchronized List<Alert> recent() {
        return new ArrayList<>(recent);
    }

    /** The relevant article with this id, if it is among the latest read. */
    public Optional<EnrichedArticle> article(String id) {
        return recentArticles.find(id);
    }

    /** Calls {@code listener} on the feed's thread. */
    @Override
    public void listen(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    private void run() {
        try {
            assignFromBacklog();
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    read(record);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                LOG.error("The dashboard's alert feed stopped unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("The dashboard's alert feed stopped: {}", e.toString(), e);
        } finally {
            meters.ifPresent(KafkaClientMeters::close);
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void assignFromBacklog() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(EventTopics.ALERTS.name(), EventTopics.ARTICLES_ENRICHED.name())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofMinutes(1));
            for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            long backlog = p.topic().equals(EventTopics.ALERTS.name()) ? ALERT_BACKLOG : ARTICLE_BACKLOG;
            consumer.seek(p, Math.max(begin.getOrDefault(p, 0L), end.getOrDefault(p, 0L) - backlog));
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(EventTopics.ALERTS.name())) {
                Alert alert = alerts.deserialize(record.topic(), record.value());
                if (alert != null) {
                    remember(alert);
                    listeners.forEach(l -> l.accept(alert));
                }
            } else {
                EnrichedArticle article = articles.deserialize(record.topic(), record.value());
                if (article != null) {
                    recentArticles.add(article);
                }
            }
        } catch (RuntimeException e) {
            // The record's content stays out of the log: it may be article text.
            LOG.warn("Dashboard feed skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getClass().getSimpleName());
        }
    }

    private synchronized void remember(Alert alert) {
        recent.addLast(alert);
        while (recent.size() > ALERT_BACKLOG) {
            recent.removeFirst();
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (!started) {
            meters.ifPresent(KafkaClientMeters::close);
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
