package dev.apprentice.anesthesia;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole service against a real broker: simulated anaesthesiologists' cases published to Kafka
 * are ingested, a BC policy is trained, evaluated on the published cohort and promoted, and
 * recommendations come back inside the envelope; missing, stale and impossible inputs get a 400
 * naming the field; the simulate-profile calculator answers the domain notes' check.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnesthesiaServiceTest {

    static final String KEY = "test-admin-key-0123456789";
    static final String API = "/api/v1/anesthesia";
    static final String PATIENT = "{\"age\": 40, \"sex\": \"female\", \"weightKg\": 54, \"heightCm\": 163}";

    /** A maintenance request: 15 minutes in, BIS around 55, the rates and effect sites of a running case. */
    static String request(String samples) {
        return "{\"patient\": " + PATIENT + ", \"elapsedSeconds\": 900, \"observations\": " + samples
                + ", \"running\": {\"propofol\": 8, \"remifentanil\": 0.16},"
                + " \"effectSite\": {\"propofol\": 3.2, \"remifentanil\": 3.5}}";
    }

    static final String SAMPLES = "[{\"t\": 850, \"bis\": 50, \"map\": 80}, {\"t\": 860, \"bis\": 52, \"map\": 80},"
            + " {\"t\": 870, \"bis\": 54, \"map\": 79}, {\"t\": 880, \"bis\": 55, \"map\": 79},"
            + " {\"t\": 890, \"bis\": 56, \"map\": 78}, {\"t\": 900, \"bis\": 57, \"map\": 78}]";

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON);
    }

    @Test
    @Order(1)
    void withoutAPromotedPolicyRecommendationsAnswer503() {
        given().contentType(ContentType.JSON).body(request(SAMPLES)).post(API + "/recommendations")
                .then().statusCode(503).body("error", equalTo("no-policy"));
    }

    @Test
    @Order(2)
    void theSimulateProfileCalculatorReproducesTheDomainNotesCheck() {
        // An 80-year-old 75 kg 172 cm man, 6.008 mg/s for one second: Cp ≈ 1.407 µg/mL (Schnider).
        Response profile = given().contentType(ContentType.JSON)
                .body("{\"patient\": {\"age\": 80, \"sex\": \"male\", \"weightKg\": 75, \"heightCm\": 172},"
                        + " \"propofolMgPerSecond\": [6.008, 0], \"remifentanilUgPerSecond\": [0, 0]}")
                .post(API + "/simulations");
        profile.then().statusCode(200)
                .body("propofolModel", equalTo("schnider"))
                .body("bis.size()", equalTo(2));
        assertEquals(1.407, (float) profile.path("propofolPlasma[0]"), 0.001);
        assertEquals(90, (float) profile.path("map[0]"), 0.01);
        given().contentType(ContentType.JSON)
                .body("{\"patient\": {\"age\": 80, \"sex\": \"male\", \"weightKg\": 75, \"heightCm\": 172},"
                        + " \"propofolMgPerSecond\": [1, 2], \"remifentanilUgPerSecond\": [0]}")
                .post(API + "/simulations")
                .then().statusCode(400).body("field", equalTo("remifentanilUgPerSecond"));
        given().contentType(ContentType.JSON)
                .body("{\"patient\": {\"age\": 80, \"sex\": \"male\", \"weightKg\": 75, \"heightCm\": 172},"
                        + " \"propofolModel\": \"marsh\", \"propofolMgPerSecond\": [1], \"remifentanilUgPerSecond\": [0]}")
                .post(API + "/simulations")
                .then().statusCode(400).body("field", equalTo("propofolModel")).body("message", containsString("eleveld"));
    }

    @Test
    @Order(3)
    void publishedExpertCasesAreIngested() throws InterruptedException {
        admin().body("{\"expert\": \"pid\", \"episodes\": 12}").post(API + "/experts/episodes")
                .then().statusCode(200)
                .body("source", equalTo("sim-pid"))
                .body("records", greaterThan(12 * 290));
        Await.until("12 complete cases stored and committed", Duration.ofSeconds(60), () -> {
            Response r = admin().get(API + "/ingest");
            return r.path("store.completeEpisodes").equals(12)
                    && r.path("counters.stored").equals(r.path("store.durableRecords"));
        });
        assertEquals(0, (int) admin().get(API + "/ingest").path("counters.deadLettered"));
    }

    @Test
    @Order(4)
    void aBcPolicyKeepsTheCohortInBandAndServesRecommendationsInsideTheEnvelope() throws InterruptedException {
        String id = admin().body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs")
                .then().statusCode(202).body("status", oneOf("queued", "running")).extract().path("id");
        Await.until("the BC job to finish", Duration.ofSeconds(240),
                () -> !List.of("queued", "running").contains(admin().get(API + "/training/jobs/" + id).path("status")));
        Response job = admin().get(API + "/training/jobs/" + id);
        assertEquals("succeeded", job.path("status"), () -> "job: " + job.asString());
        assertEquals(Boolean.TRUE, job.path("promoted"));
        float inBand = job.path("evaluation.metrics.timeInBand");
        assertTrue(inBand >= 0.85, "BC from 12 cases keeps BIS in 40-60: " + inBand);
        assertEquals(0f, (float) job.path("evaluation.metrics.envelopeViolations"));

        given().contentType(ContentType.JSON).body(request(SAMPLES)).post(API + "/recommendations")
                .then().statusCode(200)
                .body("propofol.unit", equalTo("mg/kg/h"))
                .body("remifentanil.unit", equalTo("µg/kg/min"))
                .body("propofol.rate", notNullValue())
                .body("deferred", equalTo(false))
                .body("policyVersion", equalTo(1));
        given().get(API + "/provenance").then().statusCode(200)
                .body("data.observationEncoder", equalTo("anesthesia-features-v1"))
                .body("evaluation.protocol.expert", equalTo("pid"));
    }

    @Test
    @Order(5)
    void theEnvelopeClampsAndSaysWhy() {
        // BIS 30 and falling with propofol running at 3 mg/kg/h: the policy may not raise it.
        String deep = "{\"patient\": " + PATIENT + ", \"elapsedSeconds\": 1800, \"observations\": [{\"t\": 1800,"
                + " \"bis\": 30, \"map\": 50}], \"running\": {\"propofol\": 3, \"remifentanil\": 0.03},"
                + " \"effectSite\": {\"propofol\": 6, \"remifentanil\": 5}}";
        Response r = given().contentType(ContentType.JSON).body(deep).post(API + "/recommendations");
        r.then().statusCode(200);
        float propofol = r.path("propofol.rate");
        assertTrue(propofol <= 3.0001f, "no propofol increase below BIS 40: " + r.asString());
    }

    @Test
    @Order(5)
    void aStateFarFromTheTrainingDataGetsNoRecommendationButADeferral() {
        // Two hours in, awake (BIS 95), no drug running and none on board: no expert case ever looked like this.
        String awake = "{\"patient\": {\"age\": 95, \"sex\": \"male\", \"weightKg\": 140, \"heightCm\": 200},"
                + " \"elapsedSeconds\": 7200, \"observations\": [{\"t\": 7200, \"bis\": 95, \"map\": 140}],"
                + " \"running\": {\"propofol\": 0, \"remifentanil\": 0}, \"effectSite\": {\"propofol\": 0,"
                + " \"remifentanil\": 0}}";
        given().contentType(ContentType.JSON).body(awake).post(API + "/recommendations")
                .then().statusCode(200)
                .body("deferred", equalTo(true))
                .body("deferralReason", containsString("far from the training data"))
                .body("deferralReason", containsString("defer to the clinician"))
                .body("propofol", equalTo(null))
                .body("policyVersion", equalTo(1));
    }

    @Test
    @Order(6)
    void missingStaleAndImpossibleInputsAnswer400NamingTheField() {
        record Case(String body, String field, String message) {
        }
        List<Case> cases = List.of(
                new Case(request("[{\"t\": 900, \"bis\": 120, \"map\": 80}]"), "observations[0].bis", "[0, 100]"),
                new Case(request("[{\"t\": 900, \"bis\": 50, \"map\": 0}]"), "observations[0].map", "(0, 300]"),
                new Case(request("[{\"t\": 890, \"bis\": 50, \"map\": 70}, {\"t\": 880, \"bis\": 50, \"map\": 70}]"),
                        "observations[1].t", "time going backwards"),
                new Case(request("[{\"t\": 800, \"bis\": 50, \"map\": 80}]"), "observations", "stale"),
                new Case(request("[{\"t\": 900, \"bis\": \"NaN\", \"map\": 80}]"), "observations[0].bis",
                        "expected a number"),
                new Case(request("[{\"t\": 900, \"bis\": 50}]"), "observations[0].map", "found nothing"),
                new Case(request("[]"), "observations", "expected 1 to 360"),
                new Case(request(SAMPLES).replace("\"sex\": \"female\"", "\"sex\": \"x\""), "patient.sex", "'x'"),
                new Case(request(SAMPLES).replace("\"running\"", "\"rnning\""), "rnning", "unknown field"),
                new Case(request(SAMPLES).replace("\"weightKg\": 54, \"heightCm\": 163", "\"weightKg\": 200,"
                        + " \"heightCm\": 120"), "patient.weightKg", "patient.weightKg: the James lean-body-mass formula"));
        for (Case c : cases) {
            given().contentType(ContentType.JSON).body(c.body()).post(API + "/recommendations")
                    .then().statusCode(400)
                    .contentType(startsWith("application/json"))
                    .body("field", equalTo(c.field()))
                    .body("message", containsString(c.message()));
        }
    }
}
