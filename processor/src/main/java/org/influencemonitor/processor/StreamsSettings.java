package org.influencemonitor.processor;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.errors.DeadLetterDeserializationHandler;
import org.influencemonitor.processor.errors.DeadLetterProcessingHandler;
import org.influencemonitor.processor.errors.DeadLetterProductionHandler;

/**
 * The Kafka Streams settings the monitor relies on: exactly-once (an alert is neither lost nor repeated
 * across a restart), bad records to the dead-letter topic instead of stopping the application. User
 * properties (security, tuning) are applied first, so these guarantees cannot be switched off by accident.
 */
public final class StreamsSettings {
    public static final String DEFAULT_APPLICATION_ID = "influence-monitor";

    private StreamsSettings() {
    }

    /**
     * As {@link #of(String, String, Path, Properties)}, advertising {@code applicationServer}
     * ({@code host:port} of this instance's query API) so that instances can find the owner of a key;
     * null leaves {@code application.server} as the user properties have it.
     */
    public static Properties of(String bootstrapServers, String applicationId, Path stateDir, Properties userProperties,
                                String applicationServer) {
        return of(bootstrapServers, applicationId, stateDir, userProperties, applicationServer, Tuning.DEFAULT);
    }

    /**
     * How hard the processor works and what it promises: the processing guarantee (exactly-once by
     * default; at-least-once trades a possible repeated alert after a crash for cheaper commits) and the
     * number of stream threads.
     */
    public record Tuning(String processingGuarantee, int threads) {
        public static final Tuning DEFAULT = new Tuning(StreamsConfig.EXACTLY_ONCE_V2, 1);

        public Tuning {
            if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
                    && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
                throw new IllegalArgumentException("processing guarantee must be " + StreamsConfig.EXACTLY_ONCE_V2
                        + " or " + StreamsConfig.AT_LEAST_ONCE + ", got " + processingGuarantee);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        public static Tuning of(String processingGuarantee, int threads) {
            return new Tuning(processingGuarantee, threads);
        }
    }

    /** As above, with the processing guarantee and thread count of {@code tuning}. */
    public static Properties of(String bootstrapServers, String applicationId, Path stateDir, Properties userProperties,
                                String applicationServer, Tuning tuning) {
        Properties props = of(bootstrapServers, applicationId, stateDir, userProperties);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, tuning.processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, tuning.threads());
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return props;
    }

    public static Properties of(String bootstrapServers, String applicationId, Path stateDir, Properties userProperties) {
        Properties props = new Properties();
        props.putAll(userProperties);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ARTICLES_DLQ);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
