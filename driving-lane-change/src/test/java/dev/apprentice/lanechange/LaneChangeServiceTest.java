package dev.apprentice.lanechange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.lanechange.sim.MetaAction;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole service against a real broker: expert episodes published to Kafka are ingested and
 * stored, a policy is trained, registered and promoted, and decisions come back valid; bad input,
 * missing policies and missing keys get the documented errors.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaneChangeServiceTest {

    static final String KEY = "test-admin-key-0123456789";
    static final String API = "/api/v1/lane-change";
    /** An ego alone in lane 2 at 25 m/s: 25 values in [-1, 1]. */
    static final String OBSERVATION = "{\"observation\": [[1, 0.5, 0.5, 0.3125, 0], [0,0,0,0,0], [0,0,0,0,0], [0,0,0,0,0],"
            + " [0,0,0,0,0]]}";

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON);
    }

    @Test
    @Order(1)
    void withoutAPromotedPolicyDecisionsAnswer503WithAReason() {
        given().contentType(ContentType.JSON).body(OBSERVATION).post(API + "/decisions")
                .then().statusCode(503)
                .body("error", equalTo("no-policy"))
                .body("message", containsString("no policy has been promoted"));
        given().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    @Order(2)
    void adminCallsWithoutAValidKeyAnswer401() {
        given().contentType(ContentType.JSON).body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs")
                .then().statusCode(401);
        given().header("X-API-Key", "not-the-key-at-all-000").get(API + "/policies").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"expert\": \"normal\"}").post(API + "/experts/episodes")
                .then().statusCode(401);
        given().header("X-API-Key", KEY).get(API + "/policies").then().statusCode(200);
    }

    @Test
    @Order(3)
    void publishedExpertEpisodesAreIngestedIntoTheStore() throws InterruptedException {
        admin().body("{\"expert\": \"normal\", \"episodes\": 10}").post(API + "/experts/episodes")
                .then().statusCode(200)
                .body("source", equalTo("sim-normal"))
                .body("episodes", equalTo(10))
                .body("records", greaterThan(300));

        // The store is durable before the ingester commits the batch and updates its counters: wait for both.
        Await.until("10 complete episodes stored and their batch committed", Duration.ofSeconds(60), () -> {
            Response r = admin().get(API + "/ingest");
            return r.path("store.completeEpisodes").equals(10)
                    && r.path("counters.stored").equals(r.path("store.durableRecords"));
        });
        Response ingest = admin().get(API + "/ingest");
        assertEquals(0, (int) ingest.path("counters.deadLettered"), () -> ingest.asString());
        assertEquals((int) ingest.path("counters.stored"), (int) ingest.path("store.durableRecords"));
    }

    @Test
    @Order(4)
    void badRequestsToTheExpertProducerAndTrainingNameTheField() {
        admin().body("{\"expert\": \"reckless\"}").post(API + "/experts/episodes")
                .then().statusCode(400).body("field", equalTo("expert")).body("message", containsString("reckless"));
        admin().body("{\"expert\": \"normal\", \"firstSeed\": 999999, \"episodes\": 5}").post(API + "/experts/episodes")
                .then().statusCode(400).body("field", equalTo("firstSeed"));
        admin().body("{\"algorithm\": \"ppo\"}").post(API + "/training/jobs")
                .then().statusCode(400).body("field", equalTo("algorithm"));
        admin().body("{\"algorithm\": \"bc\", \"maxEpisodes\": \"ten\"}").post(API + "/training/jobs")
                .then().log().ifValidationFails().statusCode(400).body("field", equalTo("maxEpisodes"));
    }

    @Test
    @Order(5)
    void aTrainedPolicyIsRegisteredPromotedAndServesValidDecisions() throws InterruptedException {
        String id = admin().body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs")
                .then().statusCode(202).body("status", oneOf("queued", "running")).extract().path("id");

        Await.until("the BC job to finish", Duration.ofSeconds(120),
                () -> !List.of("queued", "running").contains(admin().get(API + "/training/jobs/" + id).path("status")));
        Response job = admin().get(API + "/training/jobs/" + id);
        assertEquals("succeeded", job.path("status"), () -> "job: " + job.asString());
        assertEquals(Boolean.TRUE, job.path("promoted"));
        assertTrue(((List<?>) job.path("progress")).size() > 0, "progress is recorded");
        float normalized = job.path("evaluation.metrics.normalizedReturn");
        assertTrue(normalized > 0.5, "BC from 10 episodes beats random clearly: " + normalized);

        Response decision = given().contentType(ContentType.JSON).body(OBSERVATION).post(API + "/decisions");
        decision.then().statusCode(200).body("policyVersion", equalTo(1));
        String action = decision.path("action");
        MetaAction.byName(action);
        Map<String, Float> probabilities = decision.path("probabilities");
        assertEquals(5, probabilities.size());
        assertEquals(1.0, probabilities.values().stream().mapToDouble(Float::doubleValue).sum(), 1e-4);

        given().get("/q/health/ready").then().statusCode(200);
        given().get(API + "/provenance").then().statusCode(200)
                .body("algorithm", equalTo("bc"))
                .body("data.observationEncoder", equalTo("lane-features-v1"))
                .body("data.ranges.size()", greaterThan(0))
                .body("evaluation.metrics.collisionRate", notNullValue())
                .body("evaluation.protocol.expert", equalTo("normal"));
    }

    @Test
    @Order(6)
    void aListOfSurroundingVehiclesIsEncodedAndDecidedToo() {
        String body = "{\"vehicles\": {\"ego\": {\"x\": 0, \"y\": 8, \"vx\": 25}, \"others\": ["
                + "{\"x\": 30, \"y\": 8, \"vx\": 15}, {\"x\": -20, \"y\": 4, \"vx\": 25, \"vy\": 0}]}}";
        given().contentType(ContentType.JSON).body(body).post(API + "/decisions")
                .then().statusCode(200).body("action", notNullValue());
        given().contentType(ContentType.JSON).body("{\"requests\": [" + OBSERVATION + ", " + body + "]}")
                .post(API + "/decisions/batch")
                .then().statusCode(200).body("decisions.size()", equalTo(2));
    }

    @Test
    @Order(7)
    void badObservationsAnswer400NamingTheField() {
        record Case(String body, String field, String message) {
        }
        List<Case> cases = List.of(
                new Case("{\"observation\": [1, 2, 3]}", "observation", "found 3 values"),
                new Case("{\"observation\": [[1,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0]]}",
                        "observation[4]", "found 4 values"),
                new Case("{\"observation\": [[1,0,0,0,0],[0,0,0,1.5,0],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0]]}",
                        "observation[1][3]", "expected a value in [-1, 1], found 1.5"),
                new Case("{\"observation\": [[1,0,0,0,0],[0,0,\"NaN\",0,0],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0]]}",
                        "observation[1][2]", "expected a number, found string"),
                new Case("{}", "observation", "found neither"),
                new Case("{\"vehicles\": {\"ego\": {\"x\": 0, \"y\": 30, \"vx\": 25}}}", "vehicles.ego.y",
                        "on the road"),
                new Case("{\"vehicles\": {\"ego\": {\"x\": 0, \"y\": 4, \"vx\": 25}, \"others\": [{\"x\": 1, \"y\": 4}]}}",
                        "vehicles.others[0].vx", "expected a number, found nothing"),
                new Case("[1, 2]", "body", "expected a JSON object"));
        for (Case c : cases) {
            given().contentType(ContentType.JSON).body(c.body()).post(API + "/decisions")
                    .then().statusCode(400)
                    .contentType(startsWith("application/json"))
                    .body("field", equalTo(c.field()))
                    .body("message", containsString(c.message()));
        }
        given().contentType(ContentType.JSON).body("{\"requests\": [" + OBSERVATION + ", {\"observation\": [2]}]}")
                .post(API + "/decisions/batch")
                .then().statusCode(400).body("field", equalTo("requests[1].observation"));
        given().contentType(ContentType.JSON).body("{\"observation\": [NaN]}").post(API + "/decisions")
                .then().statusCode(400).body("error", equalTo("invalid-json"));
    }

    @Test
    @Order(8)
    void versionsCanBeListedPromotedAndRolledBack() throws InterruptedException {
        String id = admin().body("{\"algorithm\": \"bc\", \"seed\": 2, \"promote\": \"manual\"}").post(API + "/training/jobs")
                .then().statusCode(202).extract().path("id");
        Await.until("the second job", Duration.ofSeconds(120),
                () -> "succeeded".equals(admin().get(API + "/training/jobs/" + id).path("status")));
        admin().get(API + "/policies").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("promoted", equalTo(List.of(false, true)));

        admin().post(API + "/policies/2/promote").then().statusCode(200).body("served", is(2));
        given().contentType(ContentType.JSON).body(OBSERVATION).post(API + "/decisions").then().body("policyVersion", is(2));
        admin().post(API + "/policies/rollback").then().statusCode(200).body("served", is(1));
        given().contentType(ContentType.JSON).body(OBSERVATION).post(API + "/decisions").then().body("policyVersion", is(1));
        admin().post(API + "/policies/rollback").then().statusCode(409).body("error", equalTo("conflict"));
        admin().post(API + "/policies/9/promote").then().statusCode(404);
    }

    @Test
    @Order(9)
    void theDashboardAndMetricsShowTheWork() {
        given().get(API + "/dashboard").then().statusCode(200)
                .body("served.version", is(1))
                .body("evaluation.baselines[0].name", equalTo("expert (normal)"))
                .body("evaluation.versions.version", hasItem(2))
                .body("storedEpisodes", is(10));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("apprentice_decisions_total{domain=\"lane-change\"", "apprentice_decision_latency_seconds_bucket",
                "apprentice_ingest_stored_total{domain=\"lane-change\"", "apprentice_training_iteration{domain=\"lane-change\"")) {
            assertTrue(metrics.contains(name), "metrics expose " + name);
        }
    }
}
