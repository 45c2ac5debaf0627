package org.influencemonitor.app.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.influencemonitor.app.TopicSnapshot;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.EventTopics;
import org.influencemonitor.model.Topics;

/** What ingest left on a real broker, for the ingest tests: articles by URL, dead letters by origin. */
final class IngestedTopics {
    /** An article as read back, with its record's Kafka timestamp. */
    record Published(Article article, long timestamp, String key) {
    }

    /** A dead letter as read back. */
    record DeadLetter(byte[] value, String reason, String origin, String truncated, String originalBytes) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final String bootstrap;

    IngestedTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    List<Published> articles(String urlPrefix) {
        var serde = EventTopics.ARTICLES_RAW.valueSerde().deserializer();
        return TopicSnapshot.read(bootstrap, new Properties(), Topics.ARTICLES_RAW).stream()
                .map(r -> new Published(serde.deserialize(r.topic(), r.value()), r.timestamp(),
                        new String(r.key(), StandardCharsets.UTF_8)))
                .filter(p -> p.article().url() != null && p.article().url().startsWith(urlPrefix))
                .toList();
    }

    List<DeadLetter> deadLetters(String originPrefix) {
        return TopicSnapshot.read(bootstrap, new Properties(), Topics.ARTICLES_DLQ).stream()
                .map(IngestedTopics::deadLetter)
                .filter(d -> d.origin() != null && d.origin().startsWith(originPrefix))
                .toList();
    }

    private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> r) {
        return new DeadLetter(r.value(), header(r, "monitor.error.reason"), header(r, "monitor.error.origin"),
                header(r, "monitor.error.truncated"), header(r, "monitor.error.original-bytes"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
