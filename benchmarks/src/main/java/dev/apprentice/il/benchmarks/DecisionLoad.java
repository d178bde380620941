package dev.apprentice.il.benchmarks;

import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.LaneFeatures;
import dev.apprentice.lanechange.training.LaneChangeImitation;
import dev.apprentice.service.domain.Algorithm;
import java.io.IOException;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load test of the packaged lane-change service on loopback: decisions per second and p50/p99
 * latency of {@code POST /api/v1/lane-change/decisions} against the trivial
 * {@code GET /api/v1/lane-change/ping} of the same service, with the same client, in the same run.
 * It trains a BC policy on 10 expert episodes, registers and promotes it in a temporary registry,
 * starts {@code driving-lane-change/target/quarkus-app/quarkus-run.jar} on a free port, warms up,
 * then alternates measurement rounds of the two endpoints.
 *
 * <p>Usage: {@code benchmarks/decision-load [connections] [seconds-per-round] [rounds]} (defaults 8, 10, 3).
 */
public final class DecisionLoad {

    private static final String BODY = "{\"observation\": [[1, 0.5, 0.5, 0.3125, 0], [1, 0.15, 0, -0.05, 0],"
            + " [1, -0.1, -0.25, 0, 0], [1, 0.3, 0.25, -0.04, 0], [0, 0, 0, 0, 0]]}";

    private static final String KEY = "load-test-key-0123456789";

    private DecisionLoad() {
    }

    /** Throughput and latency of one round. */
    record Round(String endpoint, double requestsPerSecond, double p50Micros, double p99Micros, long errors,
            String firstError) {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path jar = Path.of(args.length > 3 ? args[3] : "driving-lane-change/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("service jar: expected " + jar + "; build it with ./mvnw -pl driving-lane-change -am package");
        }
        Path work = Files.createTempDirectory("decision-load-");
        registerPolicy(work.resolve("registry"));
        int port = freePort();
        Process service = new ProcessBuilder("java", "-Xmx1g", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dapprentice.kafka.embedded=true",
                "-Dapprentice.security.admin-keys=" + KEY,
                "-Dapprentice.storage.store-directory=" + work.resolve("store"),
                "-Dapprentice.storage.registry-directory=" + work.resolve("registry"),
                "-Dapprentice.storage.state-directory=" + work.resolve("state"),
                "-Dquarkus.log.level=WARN", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile()).start();
        boolean finished = false;
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitReady(client, base, service, work);
            HttpRequest decision = HttpRequest.newBuilder(base.resolve("/api/v1/lane-change/decisions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            // The same key on both, so that both pay for authentication as decisions do in the prod profile.
            HttpRequest ping = HttpRequest.newBuilder(base.resolve("/api/v1/lane-change/ping"))
                    .header("Authorization", "Bearer " + KEY).GET().build();
            System.out.printf(Locale.ROOT, "warm-up: %d connections, 2 × %d s%n", connections, seconds);
            run(client, ping, "ping", connections, seconds);
            run(client, decision, "decisions", connections, seconds);
            List<Round> results = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                results.add(run(client, ping, "ping", connections, seconds));
                results.add(run(client, decision, "decisions", connections, seconds));
            }
            System.out.println();
            System.out.println("| round | endpoint | requests/s | p50 (µs) | p99 (µs) | errors |");
            System.out.println("|---:|---|---:|---:|---:|---:|");
            for (int i = 0; i < results.size(); i++) {
                Round r = results.get(i);
                System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.0f | %d |%n", i / 2 + 1, r.endpoint(),
                        r.requestsPerSecond(), r.p50Micros(), r.p99Micros(), r.errors());
            }
            double pingRate = median(results.stream().filter(r -> r.endpoint().equals("ping"))
                    .mapToDouble(Round::requestsPerSecond).toArray());
            double decisionRate = median(results.stream().filter(r -> r.endpoint().equals("decisions"))
                    .mapToDouble(Round::requestsPerSecond).toArray());
            System.out.printf(Locale.ROOT, "%nmedian: decisions %.0f/s, ping %.0f/s, ratio %.2f (target >= 0.8)%n",
                    decisionRate, pingRate, decisionRate / pingRate);
            finished = true;
        } finally {
            service.destroy();
            service.waitFor();
            if (finished) {
                deleteTree(work); // kept after a failure, for its service.log
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Trains BC on 10 normal-style episodes and promotes it, as the service's training job would. */
    private static void registerPolicy(Path registryDir) {
        LaneChangeImitation imitation = new LaneChangeImitation();
        try (RolloutCollector collector = new RolloutCollector(2, imitation.road().episodeDecisions())) {
            DemonstrationSet raw = imitation.expertDemonstrations(collector, DriverStyle.NORMAL, RolloutCollector.seeds(0, 10));
            TrainingOutcome outcome = imitation.trainer(Algorithm.BC, 1, 2, 0).train(imitation.task(raw),
                    TrainingOptions.listener(p -> { }));
            PolicyRegistry registry = new PolicyRegistry(registryDir);
            ModelCard card = registry.register(outcome.policy(), ModelCard.draft("lane-change", outcome, "simulator",
                    imitation.task(raw).demonstrations(), null).withDataProvenance(Map.of("observationEncoder", LaneFeatures.ID)));
            registry.promote("lane-change", card.version());
        }
    }

    private static void awaitReady(HttpClient client, URI base, Process service, Path work) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see " + work.resolve("service.log"));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within 120 s; see " + work.resolve("service.log"));
    }

    /** Closed-loop load: each connection sends its next request when the previous answer arrived. */
    private static Round run(HttpClient client, HttpRequest request, String name, int connections, int seconds)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        long[][] latencies = new long[connections][];
        long[] counts = new long[connections];
        long[] errors = new long[connections];
        CountDownLatch done = new CountDownLatch(connections);
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int c = 0; c < connections; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors[id]++;
                            firstError.compareAndSet(null, "HTTP " + r.statusCode() + " "
                                    + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    } catch (IOException | InterruptedException e) {
                        errors[id]++;
                        firstError.compareAndSet(null, e.toString());
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - start;
                }
                latencies[id] = Arrays.copyOf(lat, n);
                counts[id] = n;
                done.countDown();
            }, "load-" + c);
            t.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Round round = new Round(name, total / elapsed, all[(int) (all.length * 0.50)] / 1e3,
                all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e3, Arrays.stream(errors).sum(),
                firstError.get());
        System.out.printf(Locale.ROOT, "%-9s %8.0f req/s  p50 %6.0f µs  p99 %6.0f µs  errors %d%s%n", name,
                round.requestsPerSecond(), round.p50Micros(), round.p99Micros(), round.errors(),
                round.firstError() == null ? "" : " (first: " + round.firstError() + ")");
        return round;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
