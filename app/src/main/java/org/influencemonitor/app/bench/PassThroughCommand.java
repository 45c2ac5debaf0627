package org.influencemonitor.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.influencemonitor.app.KafkaOptions;
import org.influencemonitor.app.TuningOptions;
import org.influencemonitor.model.Article;
import org.influencemonitor.model.JsonSerde;
import org.influencemonitor.model.Topics;
import org.influencemonitor.processor.ProcessorService;
import org.influencemonitor.processor.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code monitor bench passthrough}, hidden: the bench's baseline, the least a Kafka Streams application
 * can do with an article. It reads {@code articles.raw}, parses each value with the project's serde and
 * writes it back to {@code bench.passthrough}, with the same Streams settings, guarantee and thread count
 * as the processor it is compared with, in a child JVM like the processor.
 */
@Command(name = "passthrough", hidden = true,
        description = "The bench's baseline: articles.raw parsed and written to " + BenchCluster.PASSTHROUGH_TOPIC + ", until SIGTERM.")
public class PassThroughCommand implements Callable<Integer> {
    static final String RUNNING = "Pass-through running as ";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--application-id", required = true, description = "Kafka Streams application id.")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where Kafka Streams keeps local state.")
    Path stateDir;

    @Mixin
    TuningOptions tuningOptions;

    static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<Article> articles = JsonSerde.of(Article.class);
        builder.stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.String(), articles))
                .to(BenchCluster.PASSTHROUGH_TOPIC, Produced.with(Serdes.String(), articles));
        return builder.build();
    }

    @Override
    public Integer call() throws InterruptedException {
        StreamsSettings.Tuning tuning = tuningOptions.tuning();
        CountDownLatch stop = new CountDownLatch(1);
        try (ProcessorService service = new ProcessorService(topology(), StreamsSettings.of(kafka.bootstrapServers(),
                applicationId, stateDir, kafka.clientProperties(), null, tuning))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "passthrough-shutdown"));
            service.start();
            service.awaitRunning(Duration.ofMinutes(2));
            System.out.println(RUNNING + applicationId + " on " + kafka.bootstrapServers());
            stop.await();
        }
        return 0;
    }
}
