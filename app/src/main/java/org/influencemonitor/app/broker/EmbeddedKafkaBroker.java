package org.influencemonitor.app.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.influencemonitor.app.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>It exists so that {@code monitor demo}, {@code monitor broker} and the integration tests need
 * no Docker and no separate Kafka download. Everything is sized for one node: replication factor 1
 * everywhere, including the transaction state log, so exactly-once Kafka Streams apps work.
 *
 * <p>Listeners bind to 127.0.0.1 only: this is an unauthenticated development broker and should not
 * be reachable from the network.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** How long {@link #start} waits for the broker to answer before giving up. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final int saslPort;
    private final Path dataDir;
    private final boolean deleteDataDir;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, int saslPort, Path dataDir, boolean deleteDataDir,
                                Thread shutdownHook) {
        this.server = server;
        this.port = port;
        this.saslPort = saslPort;
        this.dataDir = dataDir;
        this.deleteDataDir = deleteDataDir;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Formats (if needed) and starts a broker, and returns once it answers {@code describeCluster}.
     *
     * @param port    client port on 127.0.0.1; 0 picks a free one
     * @param dataDir where the logs live, kept across runs; {@code null} for a temporary directory
     *                that is deleted on {@link #close()} or at JVM exit. Either way a shutdown hook
     *                stops the broker cleanly if the JVM exits while it runs.
     * @throws PortInUseException    if {@code port} is taken
     * @throws BrokerStartException  for any other start-up failure
     */
    public static EmbeddedKafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, null);
    }

    /**
     * As {@link #start(int, Path)}, with a second, SASL_PLAINTEXT listener authenticating {@code scram}'s user
     * with SCRAM-SHA-256 ({@link #saslBootstrapServers()}); null for none. The PLAINTEXT listener stays (the
     * broker talks to itself over it), so this is for trying clients' security settings, not for security.
     */
    public static EmbeddedKafkaBroker start(int port, Path dataDir, ScramListener scram) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
        if (port != 0 && (scram == null || scram.port() != 0)) {
            return start(requireFree(port), freePort(), dataDir, scram, scram == null ? -1 : requireFree(scram.port()));
        }
        // A port found free can be taken before Kafka binds it (parallel test JVMs); just pick again.
        for (int attempt = 1; ; attempt++) {
            try {
                int sasl = scram == null ? -1 : scram.port() == 0 ? freePort() : requireFree(scram.port());
                return start(port == 0 ? freePort() : requireFree(port), freePort(), dataDir, scram, sasl);
            } catch (PortInUseException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.debug("Free port was taken meanwhile, retrying: {}", e.getMessage());
            }
        }
    }

    private static EmbeddedKafkaBroker start(int clientPort, int controllerPort, Path dataDir, ScramListener scram,
                                             int saslPort) {

        boolean temporary = dataDir == null;
        Path dir = temporary ? createTempDir() : dataDir.toAbsolutePath();
        // Registered before anything is written so a Ctrl-C during start-up still cleans up. Once the
        // broker exists the hook closes it first: deleting the directory under a live broker only
        // produces a burst of errors, and a clean stop spares a kept --data-dir log recovery.
        AtomicReference<EmbeddedKafkaBroker> started = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            EmbeddedKafkaBroker b = started.get();
            if (b != null) {
                b.close();
            } else if (temporary) {
                deleteRecursively(dir);
            }
        }, "kafka-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        long t0 = System.nanoTime();
        KafkaRaftServer server = null;
        try {
            Path logDir = dir.resolve("kraft-logs");
            Files.createDirectories(logDir);
            format(logDir);
            Properties props = serverProperties(clientPort, controllerPort, logDir);
            if (scram != null) {
                addScramListener(props, saslPort);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, clientPort, saslPort, dir, temporary, hook);
            started.set(broker);
            broker.awaitReady(DEFAULT_READY_TIMEOUT);
            if (scram != null) {
                broker.addScramUser(scram);
            }
            LOG.info("Embedded Kafka broker on {} started in {} ms (data in {})", broker.bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dir);
            return broker;
        } catch (RuntimeException | Error | IOException e) {
            // KafkaRaftServer starts the controller before the broker; a failed broker leaves it running.
            EmbeddedKafkaBroker half = started.get();
            if (half != null) {
                half.close();
            } else {
                shutdownQuietly(server);
                if (temporary) {
                    deleteRecursively(dir);
                }
                removeHook(hook);
            }
            if (isBindFailure(e, clientPort)) {
                throw new PortInUseException(clientPort, e);
            }
            if (e instanceof BrokerStartException bse) {
                throw bse;
            }
            throw new BrokerStartException("Could not start the embedded Kafka broker: " + rootMessage(e), e);
        }
    }

    /** {@code host:port} of the SASL_PLAINTEXT (SCRAM-SHA-256) listener; only with a {@link ScramListener}. */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return HOST + ":" + saslPort;
    }

    /** A second listener, SASL_PLAINTEXT with SCRAM-SHA-256; the credentials live in the cluster's metadata. */
    private static void addScramListener(Properties p, int saslPort) {
        p.put("listeners", p.getProperty("listeners") + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort);
        p.put("advertised.listeners", p.getProperty("advertised.listeners") + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort);
        p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", ScramListener.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }

    /**
     * Stores the user's SCRAM credential (over the PLAINTEXT listener) and waits until the SASL listener
     * accepts it, so that a client may authenticate as soon as {@link #start} returns.
     */
    private void addScramUser(ScramListener scram) {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(conf)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(scram.user(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), scram.password())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BrokerStartException("Could not store the SCRAM credential of " + scram.user() + ": " + rootMessage(e), e);
        }
        Map<String, Object> sasl = new java.util.HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, saslBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
        sasl.putAll(scramClientProperties(scram));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Exception last = null;
        try (Admin admin = Admin.create(sasl)) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerStartException("Interrupted while waiting for the SASL listener", e);
                } catch (Exception e) {
                    last = e; // the credential reaches the broker's metadata a moment after the controller's
                }
                sleep(100);
            }
        }
        throw new BrokerStartException("The SASL listener at " + saslBootstrapServers() + " did not accept " + scram.user()
                + " within 30 s" + (last == null ? "" : ": " + rootMessage(last)), last);
    }

    /** The client settings that authenticate as {@code scram}'s user, as a {@code --kafka-config} file holds them. */
    public static Map<String, String> scramClientProperties(ScramListener scram) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", ScramListener.MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + scram.user() + "\" password=\"" + scram.password() + "\";");
    }

    /** {@code host:port} for the {@code bootstrap.servers} client setting. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Blocks until the broker is registered and unfenced, i.e. {@code describeCluster} lists it, so
     * callers can create topics straight away.
     *
     * @throws BrokerStartException if that does not happen within {@code timeout}
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        Exception last = null;
        try (Admin admin = Admin.create(conf)) {
            while (System.nanoTime() < deadline) {
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes().get(3, TimeUnit.SECONDS);
                    if (nodes.stream().map(Node::id).anyMatch(id -> id == NODE_ID)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerStartException("Interrupted while waiting for Kafka at " + bootstrapServers(), e);
                } catch (Exception e) {
                    last = e;
                }
                sleep(50);
            }
        }
        throw new BrokerStartException("Kafka broker at " + bootstrapServers() + " did not answer describeCluster within "
                + timeout.toMillis() + " ms" + (last == null ? "" : ": " + rootMessage(last)), last);
    }

    /** Stops the broker and, for a temporary data directory, deletes it. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownQuietly(server);
        if (deleteDataDir) {
            deleteRecursively(dataDir);
        }
        removeHook(shutdownHook);
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    private static void format(Path logDir) throws IOException {
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(existingClusterId(logDir).orElseGet(() -> Uuid.randomUuid().toString()))
                .setNodeId(NODE_ID)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                // A kept --data-dir is already formatted: leave it as it is.
                .setIgnoreFormatted(true);
        try {
            formatter.run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerStartException("Could not format " + logDir + ": " + rootMessage(e), e);
        }
    }

    /** A kept --data-dir must be re-opened with the cluster id it was formatted with, or Kafka refuses it. */
    private static Optional<String> existingClusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        }
        return Optional.ofNullable(p.getProperty("cluster.id"));
    }

    private static Properties serverProperties(int clientPort, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // One node: every internal topic must be satisfiable with a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        // Consumers and Streams apps should not sit out the default 3 s join delay.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small segments keep the temp dir and start-up (index preallocation) cheap.
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        // Replays carry event times from the past; with time-based retention the broker would delete them
        // minutes after they were written. A development broker keeps everything until it is removed.
        p.put("log.retention.ms", "-1");
        p.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("auto.create.topics.enable", "true");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        return p;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new BrokerStartException("Could not find a free port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    /** Fails early, before formatting anything, so "port in use" is one clear message. */
    private static int requireFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return port;
        } catch (IOException e) {
            throw new PortInUseException(port, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("influence-monitor-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for Kafka", e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker did not shut down cleanly: {}", rootMessage(e));
        }
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it deletes the same directory.
        }
    }

    /** Best effort: a temporary directory that cannot be removed is not worth failing a shutdown for. */
    static void deleteRecursively(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not clean up {}: {}", dir, e.getMessage());
        }
    }

    /**
     * Kafka reports "Socket server failed to bind to 127.0.0.1:9092: Address already in use" wrapped
     * in a KafkaException; only a failure on the client port is the user's "port in use".
     */
    private static boolean isBindFailure(Throwable e, int clientPort) {
        boolean bind = false;
        boolean ours = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException) {
                return true;
            }
            String m = String.valueOf(t.getMessage());
            bind |= t instanceof BindException || m.contains("Address already in use") || m.contains("failed to bind");
            ours |= m.contains(":" + clientPort);
        }
        return bind && ours;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("Interrupted while waiting for Kafka", e);
        }
    }

    /** The broker could not start; the message is meant for the user as is. */
    public static class BrokerStartException extends RuntimeException {
        public BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The requested client port is taken by another process. */
    public static final class PortInUseException extends BrokerStartException {
        private final int port;

        public PortInUseException(int port, Throwable cause) {
            super("Port " + port + " is already in use on " + HOST
                    + " (is another Kafka running?). Pick another with --port.", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
