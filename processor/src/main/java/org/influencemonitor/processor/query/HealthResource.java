package org.influencemonitor.processor.query;

import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.influencemonitor.processor.health.ProcessorHealth;
import org.influencemonitor.processor.health.StreamsProbe;

/**
 * {@code /health} (liveness) and {@code /ready} (readiness) of this instance, as {@link ProcessorHealth}
 * judges them: 200 or 503, with a JSON body saying why.
 */
final class HealthResource {
    record Health(String status, String state, String instance, java.util.List<String> reasons, Long inputLag,
                  int threadFailures, java.time.Instant lastThreadFailure, String lastThreadError) {
        static Health of(ProcessorHealth.Verdict v, String instance) {
            return new Health(v.status(), v.state(), instance, v.reasons(), v.inputLag(), v.threadFailures(),
                    v.lastThreadFailure(), v.lastThreadError());
        }
    }

    private final StreamsProbe probe;
    private final ProcessorHealth health;
    private final String instance;

    HealthResource(StreamsProbe probe, ProcessorHealth health, HostInfo self) {
        this.probe = probe;
        this.health = health;
        this.instance = self.host() + ":" + self.port();
    }

    Reply liveness(QueryRequest request) {
        request.allowOnly(Set.of());
        return reply(health.liveness(probe.sample()));
    }

    Reply readiness(QueryRequest request) {
        request.allowOnly(Set.of());
        return reply(health.readiness(probe.sample()));
    }

    private Reply reply(ProcessorHealth.Verdict verdict) {
        Health body = Health.of(verdict, instance);
        return verdict.ok() ? Reply.json(body) : Reply.of(503, body).withHeader("Retry-After", Reply.RETRY_AFTER_SECONDS);
    }
}
