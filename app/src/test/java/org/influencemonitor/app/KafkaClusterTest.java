package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixture itself: whichever backend it picks must be a working cluster. */
class KafkaClusterTest {

    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @Test
    void providesAWorkingCluster() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            assertFalse(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty());
            admin.createTopics(List.of(new NewTopic("fixture-check", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertEquals(2, admin.describeTopics(List.of("fixture-check")).allTopicNames().get()
                    .get("fixture-check").partitions().size());
        }
    }
}
