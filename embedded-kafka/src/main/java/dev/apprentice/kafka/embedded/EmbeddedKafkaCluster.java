package dev.apprentice.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster of N KRaft nodes on loopback, each node an {@link EmbeddedKafkaBroker} in a JVM
 * of its own, so that a test can SIGKILL one broker the way a machine dies and watch the others take
 * over. Every node is controller and broker, the nodes form one static controller quorum, and topics
 * get three replicas of which two must acknowledge a write.
 *
 * <p>Nodes are numbered 1..N, the same numbers Kafka reports as broker ids (e.g. a partition's
 * leader). A node keeps its ports and data directory ({@code dir/node-<id>}) across
 * {@link #kill}/{@link #stop} and {@link #restart}; its output goes to {@code dir/node-<id>/node.log}.
 * Closing the cluster, or the end of this JVM by any route short of SIGKILL, stops every node; a node
 * whose parent JVM vanishes anyway halts by itself.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3, dir)) {
 *     producerProps.put("bootstrap.servers", cluster.bootstrapServers());
 *     ...
 *     cluster.kill(2);
 *     ...
 *     cluster.restart(2);
 * }
 * }</pre>
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    /** The cluster size a scale-out test needs: one broker may die and writes still reach two replicas. */
    public static final int DEFAULT_NODES = 3;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Options options;
    private final String clusterId;
    private final int[] ports;
    private final int[] controllerPorts;
    private final Process[] processes;
    /** Which nodes should be running: a node that is down without a kill or stop has crashed. */
    private final boolean[] wanted;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedKafkaCluster(Options options, String clusterId, int[] ports, int[] controllerPorts) {
        this.options = options;
        this.clusterId = clusterId;
        this.ports = ports;
        this.controllerPorts = controllerPorts;
        this.processes = new Process[options.nodes()];
        this.wanted = new boolean[options.nodes()];
        this.shutdownHook = new Thread(this::close, "embedded-kafka-cluster-shutdown");
    }

    /** Default options for {@code nodes} nodes under {@code dir}: this JVM's java and classpath, capped heaps. */
    public static Options options(int nodes, Path dir) {
        return new Options(nodes, dir, defaultJava(), System.getProperty("java.class.path"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of());
    }

    /**
     * Starts {@code nodes} nodes with data under {@code dir} and waits until all of them serve.
     *
     * @throws IllegalStateException if a node exits or the cluster is not whole within two minutes
     */
    public static EmbeddedKafkaCluster start(int nodes, Path dir) {
        return start(options(nodes, dir));
    }

    /** Starts a cluster as {@code options} say and waits until all of its nodes serve. */
    public static EmbeddedKafkaCluster start(Options options) {
        int n = options.nodes();
        try {
            Files.createDirectories(options.dir());
            Set<Integer> taken = new TreeSet<>();
            int[] ports = new int[n];
            int[] controllerPorts = new int[n];
            for (int i = 0; i < n; i++) {
                ports[i] = portOutsideEphemeralRange(taken);
                controllerPorts[i] = portOutsideEphemeralRange(taken);
            }
            EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(options, clusterIdOf(options.dir()), ports,
                    controllerPorts);
            Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
            try {
                for (int id = 1; id <= n; id++) {
                    cluster.launch(id);
                }
                cluster.awaitReady(READY_TIMEOUT);
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka cluster: cannot prepare " + options.dir(), e);
        }
    }

    /** How many nodes the cluster has, running or not. */
    public int size() {
        return options.nodes();
    }

    /** {@code host:port} of every node, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return IntStream.rangeClosed(1, size()).mapToObj(this::nodeBootstrap).collect(Collectors.joining(","));
    }

    /** {@code host:port} of node {@code id}'s client listener. */
    public String nodeBootstrap(int id) {
        return "127.0.0.1:" + ports[index(id)];
    }

    /** The file node {@code id}'s standard output and error are appended to. */
    public Path logFile(int id) {
        return nodeDir(id).resolve("node.log");
    }

    /** Whether node {@code id}'s process is running. */
    public synchronized boolean isAlive(int id) {
        Process p = processes[index(id)];
        return p != null && p.isAlive();
    }

    /** Node {@code id}'s process id. @throws IllegalStateException if the node is not running */
    public synchronized long pid(int id) {
        return runningProcess(id).pid();
    }

    /** Node {@code id}'s resident memory from {@code /proc/<pid>/status}, empty where there is no /proc. */
    public OptionalLong residentBytes(int id) {
        Path status = Path.of("/proc", Long.toString(pid(id)), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** SIGKILLs node {@code id}, as if its machine died, and returns once the process is gone. */
    public synchronized void kill(int id) {
        Process p = runningProcess(id);
        wanted[index(id)] = false;
        p.destroyForcibly();
        waitFor(p, STOP_GRACE, id);
    }

    /**
     * Stops node {@code id} with SIGTERM, which lets the broker hand its partitions over (controlled
     * shutdown); kills it if it is still there after 20 seconds.
     */
    public synchronized void stop(int id) {
        Process p = runningProcess(id);
        wanted[index(id)] = false;
        p.destroy();
        if (!exited(p, STOP_GRACE)) {
            p.destroyForcibly();
            waitFor(p, STOP_GRACE, id);
        }
    }

    /**
     * Starts node {@code id} again on its ports and data, stopping it first if it runs, and waits until
     * the cluster counts it (and every other running node) as a broker.
     */
    public void restart(int id) {
        synchronized (this) {
            if (isAlive(id)) {
                stop(id);
            }
            launch(id);
        }
        awaitReady(READY_TIMEOUT);
    }

    /**
     * Waits until the brokers the cluster reports are exactly the running nodes: after a start or
     * restart, until they have registered; after a kill, until the controller has fenced the dead node.
     *
     * @throws IllegalStateException naming the node's log if a node exits meanwhile, or on timeout
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Set<Integer>> views = new TreeMap<>();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            Set<Integer> running = running();
            if (running.isEmpty()) {
                throw new IllegalStateException("embedded Kafka cluster: no node is running");
            }
            views.clear();
            for (int id : running) {
                // A node's listener opens only once it is unfenced, so an answer through this node alone
                // shows that the node (not an earlier incarnation's registration) is serving.
                try {
                    views.put(id, brokersSeenThrough(id));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("embedded Kafka cluster: interrupted while waiting", e);
                } catch (Exception e) {
                    lastFailure = e;
                }
            }
            if (views.size() == running.size() && views.values().stream().allMatch(running::equals)) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("embedded Kafka cluster: after " + timeout.toSeconds()
                + " s nodes " + running() + " run but report brokers " + views + " (node: brokers it sees); logs: "
                + IntStream.rangeClosed(1, size()).mapToObj(this::logFile).map(Path::toString)
                        .collect(Collectors.joining(", ")), lastFailure);
    }

    private Set<Integer> brokersSeenThrough(int id) throws Exception {
        // A bare connect first: an Admin client would log a warning for every refused connection.
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports[index(id)]), 500);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nodeBootstrap(id));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(p)) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Stops every node (SIGTERM, all at once), kills those still running after 20 seconds, and keeps the data directory. Runs from a shutdown hook too,
     * so a failed or interrupted test leaves no broker behind.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            Arrays.fill(wanted, false);
        }
        List<Process> alive = new ArrayList<>();
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroy();
                alive.add(p);
            }
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Process p : alive) {
            if (!exited(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                p.destroyForcibly();
            }
        }
        for (Process p : alive) {
            exited(p, STOP_GRACE);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: this call came from the hook itself.
        }
    }

    private synchronized void launch(int id) {
        int i = index(id);
        if (closed) {
            throw new IllegalStateException("embedded Kafka cluster: closed, cannot start node " + id);
        }
        Path dir = nodeDir(id);
        List<String> command = new ArrayList<>();
        command.add(options.java());
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-cp", options.classpath(), EmbeddedKafkaBroker.class.getName(),
                "--node-id", Integer.toString(id),
                "--port", Integer.toString(ports[i]),
                "--controller-port", Integer.toString(controllerPorts[i]),
                "--data-dir", dir.toString(),
                "--cluster-id", clusterId,
                "--quorum-voters", quorumVoters(),
                "--exit-when-stdin-closes"));
        brokerSettings().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        try {
            Files.createDirectories(dir);
            Files.writeString(logFile(id), "=== node " + id + " starting at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            // stdin stays a pipe that is never written: its end tells the node that this JVM is gone.
            wanted[i] = true;
            processes[i] = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(id).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka cluster: cannot start node " + id + " (" + command.get(0)
                    + "); see " + logFile(id), e);
        }
    }

    /** Replication as a production cluster has it, shrunk only where there are fewer than three nodes. */
    private Map<String, String> brokerSettings() {
        String replicas = Integer.toString(Math.min(3, size()));
        String minIsr = Integer.toString(Math.min(2, size()));
        Map<String, String> s = new TreeMap<>();
        s.put("default.replication.factor", replicas);
        s.put("min.insync.replicas", minIsr);
        s.put("offsets.topic.replication.factor", replicas);
        s.put("transaction.state.log.replication.factor", replicas);
        s.put("transaction.state.log.min.isr", minIsr);
        s.put("share.coordinator.state.topic.replication.factor", replicas);
        s.put("share.coordinator.state.topic.min.isr", minIsr);
        // A dead broker is fenced (its leaderships moved, its replicas dropped from ISR) after the session
        // timeout; 9 s by default, 3 s here so a failover test waits seconds, not tens of them.
        s.put("broker.heartbeat.interval.ms", "500");
        s.put("broker.session.timeout.ms", "3000");
        // The log cleaner otherwise allocates a 128 MB dedupe buffer at start, a third of the capped heap.
        s.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        s.put("num.io.threads", "2");
        s.put("num.network.threads", "2");
        s.putAll(options.overrides());
        return s;
    }

    private String quorumVoters() {
        return IntStream.rangeClosed(1, size()).mapToObj(id -> id + "@127.0.0.1:" + controllerPorts[id - 1])
                .collect(Collectors.joining(","));
    }

    private synchronized Set<Integer> running() {
        Set<Integer> ids = new TreeSet<>();
        for (int id = 1; id <= size(); id++) {
            Process p = processes[id - 1];
            if (p != null && p.isAlive()) {
                ids.add(id);
            } else if (wanted[id - 1]) {
                throw new IllegalStateException("embedded Kafka cluster: node " + id + " exited with code "
                        + p.exitValue() + "; see " + logFile(id) + ":\n" + tail(logFile(id), 30));
            }
        }
        return ids;
    }

    private Process runningProcess(int id) {
        Process p = processes[index(id)];
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException("embedded Kafka cluster: node " + id + " is not running");
        }
        return p;
    }

    private Path nodeDir(int id) {
        index(id);
        return options.dir().resolve("node-" + id);
    }

    private int index(int id) {
        if (id < 1 || id > size()) {
            throw new IllegalArgumentException("embedded Kafka cluster: node ids are 1.." + size() + ", found " + id);
        }
        return id - 1;
    }

    private void waitFor(Process p, Duration timeout, int id) {
        if (!exited(p, timeout)) {
            throw new IllegalStateException("embedded Kafka cluster: node " + id + " (pid " + p.pid()
                    + ") still runs " + timeout.toSeconds() + " s after SIGKILL");
        }
    }

    private static boolean exited(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedded Kafka cluster: interrupted", e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The cluster id stored under {@code dir}, so a cluster started again on the same directory is the same one. */
    private static String clusterIdOf(Path dir) throws IOException {
        Path idFile = dir.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id, StandardCharsets.UTF_8);
        return id;
    }

    /**
     * A loopback port that is free now and lies below the kernel's ephemeral range. A killed node's ports
     * are free until it restarts; outside that range no client connection can take one as its local port.
     */
    private static int portOutsideEphemeralRange(Set<Integer> taken) throws IOException {
        int ephemeralLow = ephemeralRangeStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(10_000, ephemeralLow);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                taken.add(port);
                return port;
            } catch (IOException e) {
                // In use; try another.
            }
        }
        int port = EmbeddedKafkaBroker.freePort(taken.stream().mapToInt(Integer::intValue).toArray());
        taken.add(port);
        return port;
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(10_100, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static String defaultJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Runs a cluster until Ctrl-C: {@code --nodes N} (default 3), {@code --dir DIR} (default a new
     * temporary directory). Prints {@code bootstrap.servers=...} once every node serves, then one line
     * per node with its listener, pid and log.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int nodes = DEFAULT_NODES;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(required(args[i], value));
                case "--dir" -> dir = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("embedded Kafka cluster: unknown option " + args[i]
                        + " (expected --nodes N or --dir DIR)");
            }
            i++;
        }
        long t0 = System.nanoTime();
        EmbeddedKafkaCluster cluster = start(nodes, dir != null ? dir : Files.createTempDirectory("apprentice-kafka-"));
        System.out.println("bootstrap.servers=" + cluster.bootstrapServers());
        for (int id = 1; id <= nodes; id++) {
            System.out.println("node " + id + ": " + cluster.nodeBootstrap(id) + " pid " + cluster.pid(id) + " log "
                    + cluster.logFile(id));
        }
        System.out.printf("ready in %.1f s; Ctrl-C stops every node%n", (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        // The cluster's own shutdown hook stops the nodes when Ctrl-C ends this JVM.
        Thread.currentThread().join();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException("embedded Kafka cluster: " + option + " needs a value");
        }
        return value;
    }

    /**
     * How to start the cluster.
     *
     * @param nodes how many nodes, each controller and broker
     * @param dir parent of the nodes' data directories and logs, kept on close
     * @param java the {@code java} executable for the nodes
     * @param classpath the nodes' classpath: Kafka's server jars and this module
     * @param jvmOptions options for each node's JVM, such as its heap cap
     * @param overrides broker properties for every node, applied after the cluster's own
     */
    public record Options(int nodes, Path dir, String java, String classpath, List<String> jvmOptions,
            Map<String, String> overrides) {

        public Options {
            if (nodes < 1) {
                throw new IllegalArgumentException("embedded Kafka cluster: expected at least 1 node, found " + nodes);
            }
            if (dir == null || java == null || classpath == null) {
                throw new IllegalArgumentException("embedded Kafka cluster: dir, java and classpath are required,"
                        + " found dir=" + dir + ", java=" + java + ", classpath=" + classpath);
            }
            jvmOptions = List.copyOf(jvmOptions);
            overrides = Map.copyOf(overrides);
        }

        /** Runs the nodes with another classpath, e.g. when this JVM's is not a plain list of jars. */
        public Options withClasspath(String newClasspath) {
            return new Options(nodes, dir, java, newClasspath, jvmOptions, overrides);
        }

        /** Replaces the nodes' JVM options (default: 384 MB heap, serial GC, C1 only). */
        public Options withJvmOptions(List<String> newOptions) {
            return new Options(nodes, dir, java, classpath, newOptions, overrides);
        }

        /** Sets broker properties on every node (e.g. {@code broker.session.timeout.ms}). */
        public Options withOverrides(Map<String, String> more) {
            Map<String, String> all = new TreeMap<>(overrides);
            all.putAll(more);
            return new Options(nodes, dir, java, classpath, jvmOptions, all);
        }
    }
}
