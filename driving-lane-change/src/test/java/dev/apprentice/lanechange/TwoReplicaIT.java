package dev.apprentice.lanechange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.service.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one broker, with separate directories and no shared
 * disk: replica A ingests and trains, replica B only serves. A version promoted on A is served by
 * B within seconds through the compacted policy topic; B restarted serves it at once; a corrupt
 * artefact on the topic is refused by B with a logged reason while it keeps serving, and B still
 * follows A's next promotion.
 */
class TwoReplicaIT {

    static final String ADMIN_KEY = "two-replica-admin-key-0123";
    static final String DECISION_KEY = "two-replica-decision-key-01";
    static final String OBSERVATION = "{\"observation\": [[1, 0.5, 0.5, 0.3125, 0], [0,0,0,0,0], [0,0,0,0,0],"
            + " [0,0,0,0,0], [0,0,0,0,0]]}";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static EmbeddedKafkaBroker broker;
    static Path work;
    static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startTheBroker() throws IOException {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
        work = Files.createTempDirectory("two-replicas-");
    }

    @AfterAll
    static void stopEverything() {
        processes.forEach(Process::destroyForcibly);
        if (broker != null) {
            broker.close();
        }
    }

    record Replica(String name, int port, Process process, Path log) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    static Replica start(String name, boolean ingest) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = work.resolve(name + "-" + Instant.now().toEpochMilli() + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("javacpp.cachedir"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dapprentice.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "-Dapprentice.kafka.ingest=" + ingest,
                "-Dapprentice.storage.store-directory=" + work.resolve(name).resolve("store"),
                "-Dapprentice.storage.registry-directory=" + work.resolve(name).resolve("registry"),
                "-Dapprentice.storage.state-directory=" + work.resolve(name).resolve("state"),
                "-Dapprentice.security.admin-keys=" + ADMIN_KEY, "-Dapprentice.security.decision-keys=" + DECISION_KEY,
                "-Dapprentice.training.evaluation-episodes=10",
                "-jar", System.getProperty("service.jar"));
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        Replica r = new Replica(name, port, p, log);
        Await.until(name + " to answer /q/health/live", Duration.ofSeconds(90), () -> status(r, "/q/health/live") == 200);
        return r;
    }

    static int status(Replica r, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(r.uri(path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            if (!r.process().isAlive()) {
                throw new AssertionError(r.name() + " exited; see " + r.log(), e);
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode call(Replica r, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri("/api/v1/lane-change" + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("httpStatus", response.statusCode());
        return node;
    }

    static int servedVersion(Replica r) throws Exception {
        JsonNode decision = call(r, "POST", "/decisions", DECISION_KEY, OBSERVATION);
        return decision.path("httpStatus").asInt() == 200 ? decision.path("policyVersion").asInt() : 0;
    }

    static int train(Replica a, String body) throws Exception {
        String id = call(a, "POST", "/training/jobs", ADMIN_KEY, body).path("id").asText();
        Await.until("job " + id + " on " + a.name(), Duration.ofSeconds(180), () -> !List.of("queued", "running")
                .contains(call(a, "GET", "/training/jobs/" + id, ADMIN_KEY, null).path("status").asText()));
        JsonNode job = call(a, "GET", "/training/jobs/" + id, ADMIN_KEY, null);
        assertEquals("succeeded", job.path("status").asText(), job::toString);
        return job.path("version").asInt();
    }

    @Test
    void aServingReplicaFollowsPromotionsThroughThePolicyTopicAndRefusesCorruptArtefacts() throws Exception {
        Replica a = start("a", true);
        Replica b = start("b", false);
        assertEquals(503, status(b, "/q/health/ready"), "B serves nothing before A promotes");

        assertEquals(200, call(a, "POST", "/experts/episodes", ADMIN_KEY, "{\"expert\": \"normal\", \"episodes\": 10}")
                .path("httpStatus").asInt());
        Await.until("10 episodes stored on A", Duration.ofSeconds(60), () -> call(a, "GET", "/ingest", ADMIN_KEY, null)
                .path("store").path("completeEpisodes").asInt() == 10);
        assertEquals(1, train(a, "{\"algorithm\": \"bc\"}"));
        Instant promoted = Instant.now();
        Await.until("B to serve version 1", Duration.ofSeconds(10), () -> servedVersion(b) == 1);
        System.out.printf("B served v1 %d ms after A's job reported it%n",
                Duration.between(promoted, Instant.now()).toMillis());
        assertEquals(409, call(b, "POST", "/policies/1/promote", ADMIN_KEY, null).path("httpStatus").asInt(),
                "a serving-only replica does not promote");
        assertEquals(409, call(b, "POST", "/training/jobs", ADMIN_KEY, "{\"algorithm\": \"bc\"}").path("httpStatus").asInt(),
                "a serving-only replica does not train");

        b.process().destroy();
        b.process().waitFor();
        Replica restarted = start("b", false);
        assertEquals(200, status(restarted, "/q/health/ready"), "B restarted is ready as soon as it answers");
        assertEquals(1, servedVersion(restarted), "and serves version 1 at once");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] corrupt = "APPA this is not a policy".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>("lane-change.policies", "lane-change", corrupt)).get();
        }
        Await.until("B to log the refusal", Duration.ofSeconds(10),
                () -> Files.readString(restarted.log()).contains("refused the policy artefact"));
        assertEquals(1, servedVersion(restarted), "B keeps serving version 1");
        assertTrue(Files.readString(restarted.log()).contains("still serving version 1"));

        assertEquals(2, train(a, "{\"algorithm\": \"bc\", \"seed\": 2, \"promote\": \"always\"}"));
        Await.until("B to serve version 2", Duration.ofSeconds(10), () -> servedVersion(restarted) == 2);
    }
}
