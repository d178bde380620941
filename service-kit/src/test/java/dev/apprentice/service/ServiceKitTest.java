package dev.apprentice.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import dev.apprentice.service.testdomain.IdentityDomain;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The kit end to end with its test domain (the identity task) against a real broker: expert
 * episodes published to Kafka are ingested, a BC job trains, evaluates, registers and promotes,
 * and decisions come back right; then each fix the kit promises: roles, 422 for unservable
 * versions with the registry unchanged, internal errors as a bare 500 with an id, a bounded job
 * queue, a bounded live view, baselines computed once, a cached registry listing, "if better"
 * under one protocol, an ingester that restarts.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedServiceResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceKitTest {

    static final String ADMIN = "kit-admin-key-0123456789";
    static final String DECIDER = "kit-decision-key-0123456789";
    static final String API = "/api/v1/identity";

    @Inject
    PolicyServing serving;

    @Inject
    DemonstrationIngestion ingestion;

    @ConfigProperty(name = "apprentice.storage.registry-directory")
    String registryDirectory;

    @TestHTTPResource("/")
    URL root;

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static String observation(int hot) {
        float[] o = new float[4];
        o[hot] = 1;
        return "{\"observation\": [" + o[0] + ", " + o[1] + ", " + o[2] + ", " + o[3] + "]}";
    }

    static Response awaitJob(String id) throws InterruptedException {
        Await.until("job " + id + " to finish", Duration.ofSeconds(120),
                () -> !List.of("queued", "running").contains(as(ADMIN).get(API + "/training/jobs/" + id).path("status")));
        return as(ADMIN).get(API + "/training/jobs/" + id);
    }

    @Test
    @Order(0)
    void concurrentFirstDashboardCallsComputeTheBaselinesOnce() throws Exception {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> given().get(API + "/dashboard").statusCode()));
        }
        for (CompletableFuture<Integer> call : calls) {
            assertEquals(200, call.get());
        }
        assertEquals(1, IdentityDomain.BASELINE_RUNS.get(), "baseline rollouts run once");
    }

    @Test
    @Order(1)
    void publishedDemonstrationsAreIngestedTrainedPromotedAndServed() throws InterruptedException {
        as(DECIDER).body(observation(0)).post(API + "/decisions").then().statusCode(503).body("error", equalTo("no-policy"));

        as(ADMIN).body("{\"expert\": \"oracle\", \"episodes\": 10}").post(API + "/experts/episodes")
                .then().statusCode(200).body("source", equalTo("sim-oracle")).body("records", equalTo(200));
        Await.until("10 episodes stored", Duration.ofSeconds(60),
                () -> Integer.valueOf(10).equals(as(ADMIN).get(API + "/ingest").path("store.completeEpisodes")));

        String id = as(ADMIN).body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs").then().statusCode(202)
                .extract().path("id");
        Response job = awaitJob(id);
        assertEquals("succeeded", job.path("status"), job::asString);
        assertEquals(Boolean.TRUE, job.path("promoted"), job::asString);
        float normalized = job.path("evaluation.metrics.normalizedReturn");
        assertTrue(normalized > 0.9, "BC on the identity task approaches the expert: " + normalized);

        for (int hot = 0; hot < 4; hot++) {
            as(DECIDER).body(observation(hot)).post(API + "/decisions").then().statusCode(200)
                    .body("action", equalTo("A" + hot)).body("policyVersion", equalTo(1)).body("model", equalTo("identity"));
        }
        given().get("/q/health/ready").then().statusCode(200);
        as(DECIDER).get(API + "/provenance").then().statusCode(200).body("data.observationEncoder", equalTo("identity-v1"))
                .body("evaluation.protocol.expert", equalTo("oracle"));
        given().get(API + "/dashboard").then().statusCode(200).body("served.version", equalTo(1))
                .body("evaluation.metrics[1].safety", equalTo(true))
                .body("evaluation.baselines[0].name", equalTo("expert"));
        String metrics = as(DECIDER).get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("apprentice_decisions_total{domain=\"identity\"}"), "decision counter with domain tag");
    }

    @Test
    @Order(2)
    void aDecisionKeyDecidesButGets403OnEveryAdministrationEndpoint() {
        as(DECIDER).body(observation(1)).post(API + "/decisions").then().statusCode(200);
        given().contentType(ContentType.JSON).body(observation(1)).post(API + "/decisions").then().statusCode(401);
        as(DECIDER).body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        as(DECIDER).get(API + "/training/jobs").then().statusCode(403);
        as(DECIDER).get(API + "/policies").then().statusCode(403);
        as(DECIDER).post(API + "/policies/1/promote").then().statusCode(403);
        as(DECIDER).post(API + "/policies/rollback").then().statusCode(403);
        as(DECIDER).body("{\"expert\": \"oracle\"}").post(API + "/experts/episodes").then().statusCode(403);
        as(DECIDER).get(API + "/ingest").then().statusCode(403);
        as(ADMIN).get(API + "/policies").then().statusCode(200);
    }

    @Test
    @Order(3)
    void promotingOrRollingBackToAVersionTheServiceCannotServeAnswers422AndChangesNothing() {
        PolicyRegistry registry = new PolicyRegistry(Path.of(registryDirectory));
        ModelCard served = registry.load("identity", 1).card();
        Policy policy = registry.load("identity", 1).policy();
        Map<String, Object> otherEncoder = new HashMap<>(served.data());
        otherEncoder.put(PolicyServing.ENCODER_KEY, "some-other-features-v9");
        ModelCard foreign = registry.register(policy, new ModelCard("identity", 0, served.algorithm(), served.policyType(),
                served.observationSpace(), served.actionSpace(), served.config(), otherEncoder, served.training(),
                served.metrics(), served.evaluation(), served.libraryVersion(), null, null));

        as(ADMIN).post(API + "/policies/" + foreign.version() + "/promote").then().statusCode(422)
                .body("error", equalTo("unservable-version"))
                .body("message", containsString("some-other-features-v9"));
        assertEquals(1, registry.promotedVersion("identity").orElseThrow(), "the registry still promotes version 1");
        as(DECIDER).body(observation(2)).post(API + "/decisions").then().statusCode(200).body("policyVersion", equalTo(1));
        as(ADMIN).post(API + "/policies/99/promote").then().statusCode(404).body("error", equalTo("not-found"));
        as(ADMIN).post(API + "/policies/rollback").then().statusCode(409).body("error", equalTo("conflict"));

        // Another tool put the foreign version into the promotion history; rolling back to it is refused too.
        registry.promote("identity", foreign.version());
        as(ADMIN).post(API + "/policies/1/promote").then().statusCode(200);
        assertEquals(List.of(foreign.version(), 1), registry.promotionStack("identity"));
        as(ADMIN).post(API + "/policies/rollback").then().statusCode(422).body("error", equalTo("unservable-version"));
        assertEquals(List.of(foreign.version(), 1), registry.promotionStack("identity"), "the history is unchanged");
        as(DECIDER).body(observation(3)).post(API + "/decisions").then().statusCode(200).body("policyVersion", equalTo(1));
    }

    @Test
    @Order(4)
    void internalFailuresAnswerABare500WithAnIdNeverTheMessage() {
        for (String kind : List.of("state", "argument")) {
            given().queryParam("kind", kind).get(API + "/test-failures").then().statusCode(500)
                    .body("error", equalTo("internal-error"))
                    .body("errorId", notNullValue())
                    .body("message", not(containsString("internal detail")));
        }
    }

    @Test
    @Order(5)
    void badFieldsAnswer400NamingTheField() {
        as(DECIDER).body("{\"observation\": [0, 2, 0, 0]}").post(API + "/decisions").then().statusCode(400)
                .body("field", equalTo("observation[1]"));
        as(ADMIN).body("{\"algorithm\": \"ppo\"}").post(API + "/training/jobs").then().statusCode(400)
                .body("field", equalTo("algorithm"));
        as(ADMIN).body("{\"algorithm\": \"bc\", \"promote\": \"sometimes\"}").post(API + "/training/jobs").then()
                .statusCode(400).body("field", equalTo("promote"));
        as(ADMIN).body("{\"expert\": \"oracle\", \"episodes\": 0}").post(API + "/experts/episodes").then()
                .statusCode(400).body("field", equalTo("episodes"));
    }

    @Test
    @Order(6)
    void aFullTrainingQueueAnswers429() throws InterruptedException {
        String running = as(ADMIN).body("{\"algorithm\": \"gail\", \"iterations\": 10000, \"promote\": \"manual\"}")
                .post(API + "/training/jobs").then().statusCode(202).extract().path("id");
        Await.until("the long job to start", Duration.ofSeconds(30),
                () -> "running".equals(as(ADMIN).get(API + "/training/jobs/" + running).path("status")));
        String queued = as(ADMIN).body("{\"algorithm\": \"bc\", \"promote\": \"manual\"}").post(API + "/training/jobs")
                .then().statusCode(202).extract().path("id");
        as(ADMIN).body("{\"algorithm\": \"bc\", \"promote\": \"manual\"}").post(API + "/training/jobs").then()
                .statusCode(429).body("error", equalTo("queue-full"));

        as(ADMIN).post(API + "/training/jobs/" + queued + "/cancel").then().statusCode(200);
        as(ADMIN).post(API + "/training/jobs/" + running + "/cancel").then().statusCode(200);
        assertEquals("cancelled", awaitJob(running).path("status"));
        assertEquals("cancelled", awaitJob(queued).path("status"));
    }

    @Test
    @Order(8)
    void theDashboardListsVersionsFromACacheThatARegistryChangeInvalidates() {
        int rows = given().get(API + "/dashboard").then().statusCode(200).extract().path("evaluation.versions.size()");
        PolicyRegistry registry = new PolicyRegistry(Path.of(registryDirectory));
        ModelCard v1 = registry.load("identity", 1).card();
        Map<String, Object> claimed = new HashMap<>();
        claimed.put("protocol", Map.of("firstSeed", 5, "episodes", 3, "expert", "oracle", "version", "identity-eval-v1"));
        claimed.put("metrics", Map.of("normalizedReturn", 5.0, "wrongActionRate", 0.0));
        ModelCard other = registry.register(registry.load("identity", 1).policy(), new ModelCard("identity", 0,
                v1.algorithm(), v1.policyType(), v1.observationSpace(), v1.actionSpace(), v1.config(), v1.data(),
                v1.training(), v1.metrics(), claimed, v1.libraryVersion(), null, null));

        given().get(API + "/dashboard").then().body("evaluation.versions.size()", equalTo(rows));
        as(ADMIN).post(API + "/policies/" + other.version() + "/promote").then().statusCode(200);
        given().get(API + "/dashboard").then().body("evaluation.versions.size()", equalTo(registry.list("identity").size()))
                .body("served.version", equalTo(other.version()));
    }

    @Test
    @Order(9)
    void ifBetterComparesWithTheServedVersionUnderTheCandidatesProtocol() throws InterruptedException {
        // The served version's card claims 5.0 under another protocol (3 episodes from seed 5); the
        // candidate must be compared with that version measured under its own protocol instead.
        String id = as(ADMIN).body("{\"algorithm\": \"bc\", \"promote\": \"if-better\"}").post(API + "/training/jobs")
                .then().statusCode(202).extract().path("id");
        Response job = awaitJob(id);
        assertEquals("succeeded", job.path("status"), job::asString);
        List<String> reasons = job.path("promotionReasons");
        String primary = reasons.get(reasons.size() - 1);
        assertTrue(primary.contains("the served version's 1.0") || primary.contains("the served version's 0.9"),
                "the served version was re-evaluated under the candidate's protocol: " + reasons);
    }

    @Test
    @Order(10)
    void theIngesterRestartsAfterItWasClosed() throws InterruptedException {
        int before = as(ADMIN).get(API + "/ingest").path("store.completeEpisodes");
        ingestion.close();
        ingestion.start();
        as(ADMIN).body("{\"expert\": \"oracle\", \"episodes\": 1}").post(API + "/experts/episodes").then().statusCode(200);
        Await.until("the restarted ingester to store the new episode", Duration.ofSeconds(60),
                () -> Integer.valueOf(before + 1).equals(as(ADMIN).get(API + "/ingest").path("store.completeEpisodes")));
        as(ADMIN).get(API + "/ingest").then().body("status.state", equalTo("running"));
    }

    @Test
    @Order(11)
    void aDeadIngesterIsReportedWithItsOriginalCauseAndTheLagKeepsMoving() throws InterruptedException {
        ingestion.store().close(); // the store fails under the running ingester
        as(ADMIN).body("{\"expert\": \"oracle\", \"episodes\": 2}").post(API + "/experts/episodes").then().statusCode(200);
        Await.until("readiness to report the dead ingester", Duration.ofSeconds(60),
                () -> given().get("/q/health/ready").statusCode() == 503);
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'ingestion' }.data.state", equalTo("ingester-failed"))
                .body("checks.find { it.name == 'ingestion' }.data.cause", containsString("is closed"));
        as(ADMIN).get(API + "/ingest").then().body("status.state", equalTo("ingester-failed"));
        Await.until("the lag to count the records published after the failure", Duration.ofSeconds(30), () -> {
            String metrics = as(DECIDER).get("/q/metrics").asString();
            return metrics.lines().filter(l -> l.startsWith("apprentice_ingest_lag{"))
                    .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1);
        });

        ingestion.close();
        ingestion.start();
        Await.until("the restarted ingester to catch up", Duration.ofSeconds(60),
                () -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    @Order(12)
    void aMetaModelIsTrainedThenAdaptedToOnePersonWhoseModelIsServedWithItsProvenance() throws InterruptedException {
        // before any meta-model: nothing to adapt from
        as(ADMIN).body("{\"subject\": \"person-1\"}").post(API + "/adaptations").then().statusCode(409)
                .body("message", containsString("no meta-model is served yet"));

        String id = as(ADMIN).body("{\"algorithm\": \"fomaml\", \"iterations\": 20}").post(API + "/training/jobs")
                .then().statusCode(202).extract().path("id");
        Response job = awaitJob(id);
        assertEquals("succeeded", job.path("status"), job::asString);
        as(DECIDER).body(observation(0)).post(API + "/decisions").then().statusCode(200)
                .body("model", equalTo("identity")); // the shared policy is not replaced by the meta-model
        ModelCard meta = serving.requireServed("identity-meta").card();
        assertEquals("fomaml", meta.algorithm());
        assertEquals(2, meta.data().get("subjectsUsed"));

        Response adapted = as(ADMIN).body("{\"subject\": \"person-1\", \"maxEpisodes\": 2}").post(API + "/adaptations")
                .then().statusCode(200).body("model", equalTo("identity-for-person-1")).body("episodesUsed", equalTo(2))
                .body("metaModel", equalTo("identity-meta")).body("metaModelVersion", equalTo(meta.version()))
                .extract().response();
        float before = adapted.path("metrics.agreement_before");
        float after = adapted.path("metrics.agreement_after");
        assertTrue(after >= before, "adapting should not fit the person's own actions worse: " + adapted.asString());
        as(ADMIN).get(API + "/adaptations/person-1").then().statusCode(200).body("algorithm", equalTo("fomaml-adapted"))
                .body("data.metaModel", equalTo("identity-meta")).body("data.episodesUsed", equalTo(2))
                .body("config.adaptationSteps", equalTo(5));
        as(DECIDER).body(observation(2)).post(API + "/adaptations/person-1/decisions").then().statusCode(200)
                .body("model", equalTo("identity-for-person-1")).body("action", notNullValue());

        // bad requests name the field; unknown people are 404; decisions need a key
        as(ADMIN).body("{}").post(API + "/adaptations").then().statusCode(400).body("field", equalTo("subject"));
        as(ADMIN).body("{\"subject\": \"../etc\"}").post(API + "/adaptations").then().statusCode(400)
                .body("field", equalTo("subject"));
        as(ADMIN).body("{\"subject\": \"person-1\", \"maxEpisodes\": 0}").post(API + "/adaptations").then()
                .statusCode(400).body("field", equalTo("maxEpisodes"));
        as(ADMIN).body("{\"subject\": \"nobody\"}").post(API + "/adaptations").then().statusCode(404);
        as(DECIDER).body(observation(2)).post(API + "/adaptations/nobody/decisions").then().statusCode(404);
        given().contentType(ContentType.JSON).body(observation(2)).post(API + "/adaptations/person-1/decisions").then()
                .statusCode(401);
        as(DECIDER).body("{\"subject\": \"person-1\"}").post(API + "/adaptations").then().statusCode(403);
        as(ADMIN).body("{\"algorithm\": \"mamba\"}").post(API + "/training/jobs").then().statusCode(400)
                .body("message", containsString("reptile"));
    }

    @Test
    @Order(7)
    void theLiveViewAcceptsItsConfiguredNumberOfViewersAndAnswers503Beyond() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI live = root.toURI().resolve(API + "/live");
        CompletableFuture<HttpResponse<Stream<String>>> first = client.sendAsync(HttpRequest.newBuilder(live).build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = first.get();
        assertEquals(200, open.statusCode());
        assertTrue(open.body().anyMatch(line -> line.startsWith("data:")), "the first viewer receives frames");

        given().get(API + "/live").then().statusCode(503).body("error", equalTo("live-limit"));
        open.body().close();
    }
}
