package dev.apprentice.cli.suite;

import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the whole suite on one machine: one embedded Kafka broker in this JVM, the four services as
 * child JVMs on the demo profile pointed at it with one shared set of development keys, and the
 * index page that watches them (readiness, served versions, resident memory) until Ctrl-C stops the
 * services gracefully and then the broker.
 */
public final class SuiteLauncher {

    /** How often readiness and memory are read. */
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
    /** How long a service gets after SIGTERM before it is killed (the services halt themselves after 30 s). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    /** Log lines of a service that died, quoted on the console. */
    static final int QUOTED_LOG_LINES = 8;

    private static final String SIMPLE_LOGGER_FILE = "org.slf4j.simpleLogger.logFile";

    private final SuiteSettings settings;
    private final List<SuiteService> services;
    private final PrintStream out;
    private final ProcessMemory memory = new ProcessMemory();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long startedNanos = System.nanoTime();
    private ScheduledExecutorService watcher;
    private EmbeddedKafkaBroker broker;
    private IndexServer index;
    private volatile boolean stopping;
    private long launcherRss;
    private long launcherPeakRss;
    private long peakTotalRss;
    private boolean overBudgetReported;
    private boolean allServingReported;

    /**
     * @param settings where things are and go
     * @param services the services to run
     * @param out the console
     */
    public SuiteLauncher(SuiteSettings settings, List<SuiteService> services, PrintStream out) {
        this.settings = settings;
        this.services = List.copyOf(services);
        this.out = out;
    }

    /**
     * Starts everything, prints the address and the keys, and watches until Ctrl-C (or until every
     * service has exited).
     *
     * @return 0 after Ctrl-C, 1 when every service exited on its own
     * @throws IllegalStateException naming the jar or the port when one is missing or taken
     */
    public int run() throws InterruptedException {
        requireJars(settings.root(), services);
        requirePortsFree(services, settings.indexPort());
        prepareDirectories();
        DevelopmentKeys keys = DevelopmentKeys.generate();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "suite-shutdown"));

        Path launcherLog = settings.stateDir().resolve("launcher.log");
        if (System.getProperty(SIMPLE_LOGGER_FILE) == null) {
            // The broker logs through slf4j-simple, which reads this once, at its first logger.
            System.setProperty(SIMPLE_LOGGER_FILE, launcherLog.toString());
        }
        say("starting the Kafka broker (its log: " + System.getProperty(SIMPLE_LOGGER_FILE) + ")");
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
        say("broker ready at " + broker.bootstrapServers());
        index = IndexServer.start(settings.indexPort(), this::status);
        for (SuiteService s : services) {
            ServiceProcess p = new ServiceProcess(s, settings.stateDir().resolve(s.name() + ".log"));
            processes.add(p);
            p.started(launch(s, keys, p.log()));
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "suite-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::watch, 0, WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        printBanner(keys);
        stopped.await();
        return stopping ? 0 : 1;
    }

    private void printBanner(DevelopmentKeys keys) {
        out.println();
        out.println("  Apprentice suite: " + index.address());
        out.println();
        out.println("  administrator key  " + keys.admin());
        out.println("  decision key       " + keys.decision());
        out.println();
        for (ServiceProcess p : processes) {
            out.printf(Locale.ROOT, "  %-15s %s  (pid %d, -Xmx%s, log %s)%n", p.service().name(), p.service().url(),
                    p.process().pid(), p.service().heap(), p.log());
        }
        out.printf(Locale.ROOT, "  %-15s %s  (pid %d, in this process)%n", "kafka broker", broker.bootstrapServers(),
                ProcessHandle.current().pid());
        out.println();
        out.println("  memory budget " + IndexPage.mebibytes(settings.budgetBytes()) + " resident in total;"
                + " status as JSON at " + index.address() + "status; Ctrl-C stops everything");
        out.println();
        out.flush();
    }

    /** The child's command line: the script's JVM flags, the heap cap, the demo profile and the suite's directories. */
    static List<String> command(SuiteSettings settings, SuiteService s) {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.add("-Xmx" + s.heap());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        command.add("-Dorg.bytedeco.javacpp.cachedir=" + settings.javacppCache());
        command.add("-Dquarkus.profile=demo");
        // The suite polls readiness; at INFO the health reporter would log every "not yet" as a line.
        command.add("-Dquarkus.log.category.\"io.smallrye.health\".level=WARN");
        storage(settings.stateDir().resolve(s.name()), s)
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        s.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(s.jar(settings.root()).toString());
        return command;
    }

    /**
     * What the child's environment adds: the shared broker instead of its own, the run's keys (in the
     * environment rather than on the command line, where {@code ps} would show them to every user)
     * and one OpenMP thread (ND4J trains small networks faster single-threaded).
     */
    static Map<String, String> environment(String bootstrapServers, DevelopmentKeys keys, Map<String, String> inherited) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APPRENTICE_KAFKA_EMBEDDED", "false");
        env.put("APPRENTICE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("APPRENTICE_SECURITY_ADMIN_KEYS", keys.admin());
        env.put("APPRENTICE_SECURITY_DECISION_KEYS", keys.decision());
        env.put("OMP_NUM_THREADS", inherited.getOrDefault("OMP_NUM_THREADS", "1"));
        return env;
    }

    /** Stores, registries and state under the service's directory (per domain when it hosts several). */
    static Map<String, String> storage(Path dir, SuiteService s) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String domain : s.domains()) {
            String prefix = s.multiDomain() ? "apprentice.domains.\"" + domain + "\".storage." : "apprentice.storage.";
            Path base = s.multiDomain() ? dir.resolve(domain) : dir;
            keys.put(prefix + "store-directory", base.resolve("store").toString());
            keys.put(prefix + "registry-directory", base.resolve("registry").toString());
            keys.put(prefix + "state-directory", base.resolve("state").toString());
        }
        return keys;
    }

    /**
     * @throws IllegalStateException naming every missing jar and how to build it
     */
    static void requireJars(Path root, List<SuiteService> services) {
        List<String> missing = new ArrayList<>();
        for (SuiteService s : services) {
            if (!Files.isRegularFile(s.jar(root))) {
                missing.add(s.name() + ": " + s.jar(root) + " (./mvnw -pl " + s.module() + " -am package -DskipTests)");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the suite needs the packaged services, and these are missing: "
                    + String.join("; ", missing) + ". ./apprentice builds them for you.");
        }
    }

    /**
     * @throws IllegalStateException naming every port that is taken and what the suite wanted it for
     */
    static void requirePortsFree(List<SuiteService> services, int indexPort) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (SuiteService s : services) {
            String other = wanted.put(s.port(), s.name());
            if (other != null) {
                throw new IllegalStateException("services " + other + " and " + s.name() + " both want port " + s.port());
            }
        }
        if (indexPort != 0) {
            String other = wanted.put(indexPort, "the index page");
            if (other != null) {
                throw new IllegalStateException("port " + indexPort + " is " + other
                        + "'s; choose another for the index page with --port");
            }
        }
        List<String> taken = new ArrayList<>();
        wanted.forEach((port, user) -> {
            if (!free(port)) {
                taken.add("port " + port + " (" + user + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join(", ", taken) + (taken.size() == 1 ? " is" : " are")
                    + " already in use on 127.0.0.1: is a single service (./apprentice lane-change, ...) or another"
                    + " suite still running? Stop it and start again" + (taken.stream().anyMatch(t -> t.contains("index"))
                    ? " (the index page can move with --port)" : ""));
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void prepareDirectories() {
        try {
            Files.createDirectories(settings.stateDir());
            for (SuiteService s : services) {
                Path dir = settings.stateDir().resolve(s.name());
                if (settings.fresh()) {
                    deleteRecursively(dir);
                    Files.deleteIfExists(settings.stateDir().resolve(s.name() + ".log"));
                }
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the suite cannot prepare " + settings.stateDir(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Process launch(SuiteService s, DevelopmentKeys keys, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command(settings, s))
                .directory(settings.stateDir().resolve(s.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment(broker.bootstrapServers(), keys, System.getenv()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + s.name() + " with " + settings.java(), e);
        }
    }

    private void watch() {
        try {
            double now = seconds();
            long total = 0;
            for (ServiceProcess p : processes) {
                if (p.exited() && !stopping) {
                    reportDeath(p, now);
                }
                if (p.alive()) {
                    memory.rssBytes(p.process().pid()).ifPresent(p::memory);
                    if (!stopping) {
                        poll(p, now);
                    }
                }
                total += p.rssBytes();
            }
            long own = memory.rssBytes(ProcessHandle.current().pid()).orElse(0);
            synchronized (this) {
                launcherRss = own;
                launcherPeakRss = Math.max(launcherPeakRss, own);
                total += own;
                peakTotalRss = Math.max(peakTotalRss, total);
            }
            if (total > settings.budgetBytes() && !overBudgetReported) {
                overBudgetReported = true;
                say("WARNING: the suite holds " + IndexPage.mebibytes(total) + " resident, over its budget of "
                        + IndexPage.mebibytes(settings.budgetBytes()));
            }
            if (!stopping && processes.stream().noneMatch(ServiceProcess::alive)) {
                say("every service has exited; stopping the broker");
                stopped.countDown();
            }
        } catch (RuntimeException e) {
            say("watcher: " + e);
        }
    }

    private void poll(ServiceProcess p, double now) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.service().port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Not listening yet, or busy starting: the next poll asks again.
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (p.answering()) {
            say(p.service().name() + ": answering on " + p.service().url());
        }
        try {
            Readiness reading = Readiness.parse(response.body(), p.service());
            for (String news : p.readiness(reading, now)) {
                say(p.service().name() + ": " + news);
            }
            if (!allServingReported && processes.stream().allMatch(q -> q.firstPolicySeconds() != null)) {
                allServingReported = true;
                say("every service serves learned policies");
            }
        } catch (IllegalArgumentException e) {
            say(e.getMessage());
        }
    }

    private void reportDeath(ServiceProcess p, double now) {
        StringBuilder message = new StringBuilder(p.service().name() + " EXITED with status " + p.exitCode()
                + "; the others keep running (it is not restarted: Ctrl-C and ./apprentice again resume from its"
                + " stored state). Its log: " + p.log());
        try {
            List<String> lines = Files.readAllLines(p.log(), StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.max(0, lines.size() - QUOTED_LOG_LINES), lines.size())) {
                message.append(System.lineSeparator()).append("      | ").append(line);
            }
        } catch (IOException | UncheckedIOException e) {
            message.append(" (unreadable: ").append(e.getMessage()).append(')');
        }
        say(message.toString());
    }

    /** What the page and {@code /status} show now. */
    SuiteStatus status() {
        List<ServiceStatus> statuses = processes.stream().map(p -> p.status(stopping)).toList();
        long total;
        synchronized (this) {
            total = launcherRss + statuses.stream().mapToLong(ServiceStatus::rssBytes).sum();
            return new SuiteStatus(index == null ? "" : index.address(), broker == null ? "" : broker.bootstrapServers(),
                    seconds(), ProcessHandle.current().pid(), launcherRss, launcherPeakRss, statuses, total,
                    peakTotalRss, settings.budgetBytes());
        }
    }

    /** Stops the services (SIGTERM, then a kill after {@link #STOP_TIMEOUT}), then the broker; prints how long it took. */
    private void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        long began = System.nanoTime();
        if (watcher != null) {
            watcher.shutdownNow();
        }
        if (!processes.isEmpty()) {
            out.println();
            say("stopping " + processes.stream().filter(ServiceProcess::alive).count() + " services...");
        }
        for (ServiceProcess p : processes) {
            if (p.alive()) {
                p.process().destroy();
            }
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ServiceProcess p : processes) {
            Process process = p.process();
            try {
                if (process != null && !process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    say(p.service().name() + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                processes.stream().map(ServiceProcess::process).forEach(Process::destroyForcibly);
                break;
            }
        }
        double servicesSeconds = (System.nanoTime() - began) / 1e9;
        if (index != null) {
            index.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (!processes.isEmpty()) {
            printPeaks();
            say(String.format(Locale.ROOT, "stopped: services in %.1f s, everything (broker included) in %.1f s",
                    servicesSeconds, (System.nanoTime() - began) / 1e9));
        }
        out.flush();
        stopped.countDown();
    }

    private void printPeaks() {
        StringBuilder peaks = new StringBuilder("peak resident memory:");
        for (ServiceProcess p : processes) {
            peaks.append(' ').append(p.service().name()).append(' ').append(IndexPage.mebibytes(p.peakRssBytes())).append(',');
        }
        synchronized (this) {
            peaks.append(" launcher and broker ").append(IndexPage.mebibytes(launcherPeakRss)).append("; total (one sample) ")
                    .append(IndexPage.mebibytes(peakTotalRss)).append(" of a budget of ")
                    .append(IndexPage.mebibytes(settings.budgetBytes()));
        }
        say(peaks.toString());
    }

    private double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void say(String line) {
        out.printf(Locale.ROOT, "[%4.0f s] %s%n", seconds(), line);
        out.flush();
    }
}
