package org.influencemonitor.app;

import java.util.Locale;

import org.influencemonitor.app.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka per test class, from Docker when there is a Docker engine and in-JVM otherwise, so an
 * integration test reads the same on a laptop, in CI and in a sandbox without Docker:
 *
 * <pre>
 * &#64;RegisterExtension static final KafkaCluster KAFKA = new KafkaCluster();
 * ... KAFKA.bootstrapServers() ...
 * </pre>
 *
 * <p>{@code -Dinfluencemonitor.kafka=embedded} (or {@code docker}) forces a backend, e.g. to rule
 * the embedded broker out when a test behaves differently in CI.
 */
public final class KafkaCluster implements BeforeAllCallback, AfterAllCallback {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String BACKEND_PROPERTY = "influencemonitor.kafka";

    private Backend backend;
    /** The class that started the backend; nested test classes reuse it rather than start another. */
    private ExtensionContext owner;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (backend != null) {
            return;
        }
        backend = useDocker() ? new Container() : new Embedded();
        owner = context;
        System.out.println("Kafka for integration tests: " + backend.describe());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (backend != null && context == owner) {
            backend.close();
            backend = null;
            owner = null;
        }
    }

    /** {@code host:port} of the running cluster; only valid between beforeAll and afterAll. */
    public String bootstrapServers() {
        if (backend == null) {
            throw new IllegalStateException("KafkaCluster is not running: register it with @RegisterExtension on a static field");
        }
        return backend.bootstrapServers();
    }

    /** True when the cluster runs in this JVM rather than in a container. */
    public boolean isEmbedded() {
        return backend instanceof Embedded;
    }

    private static boolean useDocker() {
        String forced = System.getProperty(BACKEND_PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "embedded" -> false;
            case "docker" -> true;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private interface Backend extends AutoCloseable {
        String bootstrapServers();

        String describe();

        @Override
        void close();
    }

    private static final class Container implements Backend {
        private final KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                // Same as the embedded broker: no 3 s wait before the first consumer group forms.
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                // Tests replay event times from the past, which time-based retention would delete.
                .withEnv("KAFKA_LOG_RETENTION_MS", "-1");

        Container() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public String describe() {
            return "Testcontainers " + KAFKA_IMAGE + " at " + bootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    private static final class Embedded implements Backend {
        private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public String describe() {
            String why = System.getProperty(BACKEND_PROPERTY) != null
                    ? "forced by -D" + BACKEND_PROPERTY : "no Docker engine found";
            return "in-JVM KRaft broker at " + bootstrapServers() + " (" + why + ")";
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
