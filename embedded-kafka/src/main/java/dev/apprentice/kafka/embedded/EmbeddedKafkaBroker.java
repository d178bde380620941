package dev.apprentice.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker — one node acting as both KRaft controller and broker — running in
 * this JVM on loopback. Tests and the one-command default use it where production points
 * {@code kafka.bootstrap.servers} at an external cluster. It can be stopped and started again on
 * the same ports and log directory, which is how tests simulate a broker outage. With a node id, a
 * quorum and a cluster id from {@link Options} it is also one node of a larger cluster; that is how
 * {@link EmbeddedKafkaCluster} runs each of its nodes, through {@link #main} in a JVM of its own.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
 *     producerProps.put("bootstrap.servers", broker.bootstrapServers());
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Options options;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Options options, Path dataDir, boolean ownsDataDir, int port, int controllerPort) {
        this.options = options;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = readOrCreateClusterId(dataDir, options.clusterId());
    }

    /** Default options: free ports, a temporary log directory deleted on close. */
    public static Options options() {
        return new Options(0, 0, null, Map.of(), 1, null, null);
    }

    /**
     * Formats the log directory (unless it already holds this cluster), starts the broker and waits
     * until a client can reach it.
     *
     * @throws IllegalStateException if the broker does not become ready within a minute
     */
    public static EmbeddedKafkaBroker start(Options options) {
        try {
            Path dir = options.dataDir() == null ? Files.createTempDirectory("apprentice-kafka-") : options.dataDir();
            Files.createDirectories(dir);
            int port = options.port() == 0 ? freePort() : options.port();
            int controllerPort = options.controllerPort() == 0 ? freePort(port) : options.controllerPort();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(options, dir, options.dataDir() == null, port,
                    controllerPort);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka: cannot prepare the log directory", e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client listener's port. */
    public int port() {
        return port;
    }

    /** Where the broker keeps its logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /** Whether the broker is currently running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker but keeps its data, so {@link #restart()} brings back every topic and offset. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a stopped broker again on the same ports and data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    /** Stops the broker and deletes its data if it lives in a temporary directory this broker made. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        Properties props = serverProperties();
        Path config = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(w, "embedded Apprentice broker");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka: cannot write " + config, e);
        }
        format(config);
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        raft.startup();
        server = raft;
        awaitReady();
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(options.nodeId()));
        p.put("controller.quorum.voters", options.quorumVoters() != null ? options.quorumVoters()
                : options.nodeId() + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        // One node: every internal topic has exactly one replica. One partition each keeps the
        // first consumer-group join and the first transaction fast.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.putAll(options.overrides());
        return p;
    }

    private void format(Path config) {
        // StorageTool prints "Formatting ..." on every start; the output says nothing a user needs.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                    "--ignore-formatted"}, quiet);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka: formatting " + dataDir + " failed: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded Kafka: broker on " + bootstrapServers()
                                + " not ready after " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedded Kafka: interrupted while waiting for the broker", e);
        }
    }

    private static String readOrCreateClusterId(Path dir, String given) {
        Path idFile = dir.resolve("cluster.id");
        try {
            if (given == null && Files.exists(idFile)) {
                return Files.readString(idFile, StandardCharsets.UTF_8).trim();
            }
            String id = given != null ? given : Uuid.randomUuid().toString();
            Files.writeString(idFile, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka: cannot read or write " + idFile, e);
        }
    }

    /** A port free on loopback now, different from the ones given. */
    static int freePort(int... notThese) throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int p = s.getLocalPort();
                boolean clash = false;
                for (int n : notThese) {
                    clash |= n == p;
                }
                if (!clash) {
                    return p;
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka: cannot delete " + dir, e);
        }
    }

    /**
     * Runs a broker in its own JVM until interrupted. Options: {@code --port N}, {@code --controller-port N},
     * {@code --data-dir DIR}, {@code --node-id N}, {@code --quorum-voters 1@host:port,...},
     * {@code --cluster-id ID}, {@code --set key=value} (repeatable) and {@code --exit-when-stdin-closes},
     * which makes the node halt as soon as the process that started it dies (its end of our stdin
     * closes), so a crashed test never leaves a broker behind. Prints {@code bootstrap.servers=host:port}
     * once ready.
     */
    public static void main(String[] args) throws InterruptedException {
        Options o = options();
        boolean exitWhenStdinCloses = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--exit-when-stdin-closes")) {
                exitWhenStdinCloses = true;
                continue;
            }
            String value = required(option, i + 1 < args.length ? args[++i] : null);
            switch (option) {
                case "--port" -> o = o.withPort(Integer.parseInt(value));
                case "--controller-port" -> o = o.withControllerPort(Integer.parseInt(value));
                case "--data-dir" -> o = o.withDataDir(Path.of(value));
                case "--node-id" -> o = o.withNodeId(Integer.parseInt(value));
                case "--quorum-voters" -> o = o.withQuorumVoters(value);
                case "--cluster-id" -> o = o.withClusterId(value);
                case "--set" -> o = o.withOverrides(keyValue(value));
                default -> throw new IllegalArgumentException("embedded Kafka: unknown option " + option
                        + " (expected --port, --controller-port, --data-dir, --node-id, --quorum-voters,"
                        + " --cluster-id, --set or --exit-when-stdin-closes)");
            }
        }
        if (exitWhenStdinCloses) {
            haltWhenStdinCloses();
        }
        EmbeddedKafkaBroker broker = start(o);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "embedded-kafka-shutdown"));
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    /**
     * Halts, without a controlled shutdown, once stdin reaches its end. The parent never writes to
     * our stdin, so the end comes only when the parent is gone, and then nobody waits for a clean stop.
     */
    private static void haltWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException e) {
                // An unreadable stdin means the same as a closed one.
            }
            Runtime.getRuntime().halt(3);
        }, "embedded-kafka-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Map<String, String> keyValue(String setting) {
        int eq = setting.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("embedded Kafka: --set expects key=value, found " + setting);
        }
        return Map.of(setting.substring(0, eq), setting.substring(eq + 1));
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException("embedded Kafka: " + option + " needs a value");
        }
        return value;
    }

    /**
     * How to start the broker.
     *
     * @param port client port, or 0 for a free one
     * @param controllerPort KRaft controller port, or 0 for a free one
     * @param dataDir log directory kept across restarts, or null for a temporary one deleted on close
     * @param overrides extra broker properties, applied last
     * @param nodeId this node's {@code node.id}, 1 for a broker on its own
     * @param quorumVoters {@code controller.quorum.voters} of a cluster ({@code id@host:port,...}), or
     *     null for a quorum of this node alone
     * @param clusterId the cluster id every node of a cluster is formatted with, or null to take the one
     *     stored in the data directory (or make one)
     */
    public record Options(int port, int controllerPort, Path dataDir, Map<String, String> overrides, int nodeId,
            String quorumVoters, String clusterId) {

        public Options {
            if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("embedded Kafka: ports must be in [0, 65535], found "
                        + port + " and " + controllerPort);
            }
            if (nodeId < 0) {
                throw new IllegalArgumentException("embedded Kafka: node id must be >= 0, found " + nodeId);
            }
            overrides = Map.copyOf(overrides);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, controllerPort, dataDir, overrides, nodeId, quorumVoters, clusterId);
        }

        public Options withControllerPort(int newPort) {
            return new Options(port, newPort, dataDir, overrides, nodeId, quorumVoters, clusterId);
        }

        public Options withDataDir(Path dir) {
            return new Options(port, controllerPort, dir, overrides, nodeId, quorumVoters, clusterId);
        }

        /** Adds broker properties (e.g. {@code auto.create.topics.enable=false}). */
        public Options withOverrides(Map<String, String> more) {
            Map<String, String> all = new HashMap<>(overrides);
            all.putAll(more);
            return new Options(port, controllerPort, dataDir, all, nodeId, quorumVoters, clusterId);
        }

        /** Makes this broker node {@code id} of a cluster. */
        public Options withNodeId(int id) {
            return new Options(port, controllerPort, dataDir, overrides, id, quorumVoters, clusterId);
        }

        /** Joins the static controller quorum {@code id@host:port,...}; this node's own entry included. */
        public Options withQuorumVoters(String voters) {
            return new Options(port, controllerPort, dataDir, overrides, nodeId, voters, clusterId);
        }

        /** Formats the data directory for cluster {@code id}, which every node of one cluster shares. */
        public Options withClusterId(String id) {
            return new Options(port, controllerPort, dataDir, overrides, nodeId, quorumVoters, id);
        }
    }
}
