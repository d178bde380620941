package dev.apprentice.lanechange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apprentice.service.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged lane-change service as its users run it: {@code java -jar quarkus-run.jar} in its
 * own process on a free loopback port, with its store, registry and state under one data
 * directory, so that integration tests can stop, kill and restart it on the same data.
 */
final class PackagedService {

    static final String ADMIN_KEY = "packaged-admin-key-0123456";
    static final String DECISION_KEY = "packaged-decision-key-01234";
    static final String OBSERVATION = "{\"observation\": [[1, 0.5, 0.5, 0.3125, 0], [0,0,0,0,0], [0,0,0,0,0],"
            + " [0,0,0,0,0], [0,0,0,0,0]]}";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** No test call waits longer than this for an answer (a call cut by a stop or a kill fails at once). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    final String name;
    final Path data;
    private final String bootstrapServers;
    private final boolean ingest;
    private final List<String> properties;
    private String heap = "1g";
    private Process process;
    private Path log;
    private int port;

    private PackagedService(String name, Path data, String bootstrapServers, boolean ingest, List<String> properties) {
        this.name = name;
        this.data = data;
        this.bootstrapServers = bootstrapServers;
        this.ingest = ingest;
        this.properties = List.copyOf(properties);
    }

    /**
     * Starts a replica and waits until it answers its liveness probe.
     *
     * @param properties extra {@code -Dkey=value} settings
     */
    static PackagedService start(String name, Path data, String bootstrapServers, boolean ingest, String... properties)
            throws IOException, InterruptedException {
        PackagedService s = new PackagedService(name, data, bootstrapServers, ingest, List.of(properties));
        s.launch();
        return s;
    }

    private void launch() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = data.resolveSibling(name + "-" + Instant.now().toEpochMilli() + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("javacpp.cachedir"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dapprentice.kafka.bootstrap-servers=" + bootstrapServers, "-Dapprentice.kafka.ingest=" + ingest,
                "-Dapprentice.storage.store-directory=" + data.resolve("store"),
                "-Dapprentice.storage.registry-directory=" + data.resolve("registry"),
                "-Dapprentice.storage.state-directory=" + data.resolve("state"),
                "-Dapprentice.security.admin-keys=" + ADMIN_KEY, "-Dapprentice.security.decision-keys=" + DECISION_KEY,
                "-Dapprentice.training.evaluation-episodes=10"));
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", System.getProperty("service.jar")));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_NUM_THREADS", "1");
        process = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Await.until(name + " to answer /q/health/live", Duration.ofSeconds(90), () -> status("/q/health/live") == 200);
    }

    /** Stops it as an orchestrator would (SIGTERM) and returns how long it took to exit. */
    Duration stop() throws InterruptedException {
        Instant start = Instant.now();
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit 120 s after SIGTERM; see " + log);
        }
        return Duration.between(start, Instant.now());
    }

    /** Kills it (SIGKILL), as a crash or an out-of-memory killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts it again on the same data (and a new port). */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    /** Starts it again on the same data with another maximum heap, e.g. {@code 256m}. */
    void restartWithHeap(String maxHeap) throws IOException, InterruptedException {
        heap = maxHeap;
        launch();
    }

    /** Kills it if it still runs (for the tests' clean-up). */
    void destroy() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The HTTP status of a GET, or -1 while nothing listens; fails at once if the process exited. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited; see " + log, e);
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET's JSON body, with its status as {@code httpStatus}. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    /** Calls the service's API with a key; the JSON answer carries the status as {@code httpStatus}. */
    JsonNode call(String method, String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1/lane-change" + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        return send((body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body))).build());
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode node = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        ((ObjectNode) node).put("httpStatus", response.statusCode());
        return node;
    }

    /** The version a decision is answered with, or 0 while none is served. */
    int servedVersion() throws IOException, InterruptedException {
        JsonNode decision = call("POST", "/decisions", DECISION_KEY, OBSERVATION);
        return decision.path("httpStatus").asInt() == 200 ? decision.path("policyVersion").asInt() : 0;
    }

    /** Publishes simulated episodes of an expert and waits until the store holds {@code expectedComplete} episodes. */
    void publishAndAwait(String expert, int episodes, int expectedComplete) throws Exception {
        assertEquals(200, call("POST", "/experts/episodes", ADMIN_KEY,
                "{\"expert\": \"" + expert + "\", \"episodes\": " + episodes + "}").path("httpStatus").asInt());
        Await.until(expectedComplete + " episodes stored on " + name, Duration.ofSeconds(60),
                () -> call("GET", "/ingest", ADMIN_KEY, null).path("store").path("completeEpisodes").asInt()
                        == expectedComplete);
    }

    /** Submits a job and returns its id. */
    String submit(String body) throws IOException, InterruptedException {
        JsonNode job = call("POST", "/training/jobs", ADMIN_KEY, body);
        assertEquals(202, job.path("httpStatus").asInt(), job::toString);
        return job.path("id").asText();
    }

    /** Waits for a job to finish and returns it. */
    JsonNode awaitJob(String id) throws Exception {
        Await.until("job " + id + " on " + name, Duration.ofSeconds(180), () -> !List.of("queued", "running")
                .contains(call("GET", "/training/jobs/" + id, ADMIN_KEY, null).path("status").asText()));
        return call("GET", "/training/jobs/" + id, ADMIN_KEY, null);
    }

    /** Trains, expects success, and returns the registered version. */
    int train(String body) throws Exception {
        JsonNode job = awaitJob(submit(body));
        assertEquals("succeeded", job.path("status").asText(), job::toString);
        return job.path("version").asInt();
    }
}
