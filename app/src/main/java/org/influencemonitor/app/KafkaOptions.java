package org.influencemonitor.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The connection options every service shares, so that all three run against the same secured cluster. */
public final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:MONITOR_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers to connect to (default: ${DEFAULT-VALUE}; env MONITOR_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "A .properties file passed through to the Kafka clients: security.protocol, sasl.*, ssl.*, tuning.")
    Path kafkaConfig;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Properties clientProperties() {
        return kafkaConfig == null ? new Properties() : load(kafkaConfig);
    }

    /** Reads a --kafka-config file; a missing or unreadable one is the user's mistake, told in one line. */
    public static Properties load(Path kafkaConfig) {
        Properties props = new Properties();
        if (!Files.isReadable(kafkaConfig)) {
            throw new UserError("cannot read --kafka-config " + kafkaConfig);
        }
        try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot read --kafka-config " + kafkaConfig + ": " + e.getMessage());
        }
        return props;
    }
}
