package org.influencemonitor.processor.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /health}: this instance's Kafka Streams state; 200 while RUNNING or REBALANCING, else 503. */
final class HealthResource {
    record Health(String state, String instance) {
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    HealthResource(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    Reply answer(QueryRequest request) {
        request.allowOnly(java.util.Set.of());
        KafkaStreams.State state = streams.state();
        Health health = new Health(state.name(), self.host() + ":" + self.port());
        return state.isRunningOrRebalancing() ? Reply.json(health) : Reply.of(503, health);
    }
}
