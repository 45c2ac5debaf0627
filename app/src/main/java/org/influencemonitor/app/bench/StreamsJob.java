package org.influencemonitor.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;
import org.influencemonitor.model.Topics;

/**
 * A Kafka Streams application the bench runs as child processes: the monitor's processor or the
 * pass-through baseline, with its guarantee, threads per instance, instances and any extra processor
 * options ({@code --window-advance}, {@code --threshold}).
 */
record StreamsJob(boolean processor, String guarantee, int threads, int instances, List<String> extraArgs) {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    static StreamsJob processor(String guarantee, int threads, int instances, String... extraArgs) {
        return new StreamsJob(true, guarantee, threads, instances, List.of(extraArgs));
    }

    static StreamsJob passThrough(String guarantee) {
        return new StreamsJob(false, guarantee, 1, 1, List.of());
    }

    boolean exactlyOnce() {
        return guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2);
    }

    /** The topic its throughput is measured on. */
    String outputTopic() {
        return processor ? Topics.ARTICLES_ENRICHED : BenchCluster.PASSTHROUGH_TOPIC;
    }

    String shortGuarantee() {
        return exactlyOnce() ? "EOS" : "ALOS";
    }

    String describe() {
        String what = processor ? "monitor" : "pass-through";
        String shape = threads + (threads == 1 ? " thread" : " threads") + " × " + instances
                + (instances == 1 ? " instance" : " instances");
        String extra = extraArgs.isEmpty() ? "" : ", " + String.join(" ", extraArgs);
        return what + " " + shortGuarantee() + ", " + shape + extra;
    }

    /**
     * Starts every instance (all at once, so they join the group together) under one fresh application id
     * and fresh state directories, and waits until each reports it is running only when {@code awaitRunning}.
     */
    List<ChildJvm> start(BenchCluster cluster, String applicationId, Path workDir, Path kafkaConfig) {
        List<ChildJvm> children = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            List<String> args = new ArrayList<>(processor ? List.of("processor") : List.of("bench", "passthrough"));
            args.addAll(List.of("--bootstrap-servers", cluster.bootstrapServers(),
                    "--application-id", applicationId,
                    "--state-dir", workDir.resolve(applicationId + "-state-" + i).toString(),
                    "--threads", String.valueOf(threads),
                    "--processing-guarantee", guarantee));
            if (processor) {
                args.addAll(List.of("--http-port", "0", "--partitions", String.valueOf(cluster.partitions())));
            }
            if (kafkaConfig != null) {
                args.addAll(List.of("--kafka-config", kafkaConfig.toString()));
            }
            args.addAll(extraArgs);
            String name = (processor ? "processor" : "pass-through") + (instances > 1 ? " instance " + i : "");
            children.add(ChildJvm.start(name, args, workDir.resolve(applicationId + "-" + i + ".log")));
        }
        return children;
    }

    void awaitRunning(List<ChildJvm> children) {
        String marker = processor ? "Processor running as " : PassThroughCommand.RUNNING;
        children.forEach(child -> child.awaitOutput(marker, START_TIMEOUT));
    }
}
