package dev.apprentice.phonesecurity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.owners.FewShotRegistry;
import dev.apprentice.phonesecurity.owners.OwnerModelNames;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import dev.apprentice.phonesecurity.sim.SyntheticPopulation;
import dev.apprentice.phonesecurity.sim.SyntheticStream;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole service against a real broker: synthetic users' sealed behaviour is published to
 * Kafka and ingested, the population model is learned, an owner enrols from the stream with their
 * own key and their sessions are accepted while an impostor's on the same phone are not; keys are
 * confined to their user, attempts are rate-limited, bad input gets a 400 naming the field, a
 * deleted user leaves nothing that can be scored or read, and no feature value reaches the log.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServiceResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneSecurityServiceTest {

    static final String KEY = "test-admin-key-0123456789";
    static final String API = "/api/v1/phone-security";
    static final int USERS = 30;
    static final int DAYS = 7;
    static String ownerKey;
    static String otherKey;

    @Inject
    BehaviourSealing sealing;
    @Inject
    DemonstrationIngestion ingestion;
    @Inject
    PolicyServing policies;
    @Inject
    FewShotRegistry fewShot;
    @ConfigProperty(name = "apprentice.kafka.bootstrap-servers")
    String bootstrap;

    static final SyntheticStream STREAM = new SyntheticStream("unused", "phone-security.behaviour",
            PayloadFormat.AVRO_SINGLE_OBJECT, 1, 0.02);

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static String body(List<BehaviourSample> samples) {
        StringBuilder b = new StringBuilder("{\"samples\": [");
        for (int i = 0; i < samples.size(); i++) {
            BehaviourSample s = samples.get(i);
            float[] f = s.features();
            b.append(i == 0 ? "" : ", ").append("{\"activity\": \"").append(s.activity().id()).append("\", \"touch\": [");
            for (int j = 0; j < BehaviourLayout.TOUCH; j++) {
                b.append(j == 0 ? "" : ",").append(f[j]);
            }
            b.append("], \"sensor\": [");
            for (int j = BehaviourLayout.TOUCH; j < BehaviourLayout.FEATURES; j++) {
                b.append(j == BehaviourLayout.TOUCH ? "" : ",").append(f[j]);
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }

    static SyntheticPopulation population() {
        return STREAM.population(DAYS);
    }

    @Test
    @Order(1)
    void nothingAnswersWithoutAKeyAndEnrolmentWaitsForAPopulation() {
        given().contentType(ContentType.JSON).body("{\"fromStream\": true}").post(API + "/users/user-0/enrolment")
                .then().statusCode(401);
        admin().body("{\"fromStream\": true}").post(API + "/users/user-0/enrolment").then().statusCode(503)
                .body("message", containsString("population"));
    }

    @Test
    @Order(2)
    void publishedSyntheticBehaviourIsIngestedAndLearnedAsThePopulation() throws InterruptedException {
        new SyntheticStream(bootstrap, STREAM.topic(), STREAM.format(), STREAM.seed(), STREAM.driftPerDay())
                .publish(sealing, 0, USERS, 6, DAYS);
        Await.until("the synthetic users stored", Duration.ofSeconds(90), () -> ingestion.store().statistics().recordsPerSource().size() == USERS
                && ingestion.store().statistics().completeEpisodes() == USERS * 6L);
        admin().post(API + "/population").then().statusCode(200).body("people", equalTo(USERS))
                .body("version", equalTo(1));
        admin().get(API + "/population").then().statusCode(200).body("people", equalTo(USERS));
    }

    @Test
    @Order(3)
    void anOwnerEnrolsFromTheStreamWithTheirOwnKey() {
        ownerKey = admin().post(API + "/users/user-0/keys").then().statusCode(200).extract().path("key");
        otherKey = admin().post(API + "/users/user-1/keys").then().statusCode(200).extract().path("key");
        as(ownerKey).body("{\"fromStream\": true}").post(API + "/users/user-0/enrolment").then().statusCode(200)
                .body("origin", equalTo("stream")).body("samplesUsed", greaterThan(20)).body("populationVersion", equalTo(1));
        as(ownerKey).get(API + "/users/user-0/model-card").then().statusCode(200)
                .body("algorithm", equalTo("imitation-owner")).body("data.population.version", equalTo(1));
    }

    @Test
    @Order(4)
    void theOwnersSessionsAreAcceptedAndAnImpostorsOnTheSamePhoneAreNot() {
        SyntheticPopulation population = population();
        int accepted = 0;
        int stopped = 0;
        for (int k = 0; k < 8; k++) {
            List<BehaviourSample> mine = population.session(population.user(0), DAYS, "new-" + k, new Random(100 + k));
            String decision = admin().body(body(mine)).post(API + "/users/user-0/sessions").then().statusCode(200)
                    .extract().path("decision");
            accepted += "accept".equals(decision) ? 1 : 0;
            List<BehaviourSample> theirs = population.impostorSession(population.user(0), population.impostor(k), DAYS,
                    "imp-" + k, new Random(200 + k));
            String verdict = admin().body(body(theirs)).post(API + "/users/user-0/sessions").then().statusCode(200)
                    .body("targetFar", equalTo(0.01f)).extract().path("decision");
            stopped += "accept".equals(verdict) ? 0 : 1;
        }
        assertTrue(accepted >= 6, "owner sessions accepted: " + accepted + " of 8");
        assertTrue(stopped >= 7, "impostor sessions locked or stepped up: " + stopped + " of 8");
    }

    @Test
    @Order(5)
    void aUsersKeyActsForThatUserOnly() {
        String session = body(population().session(population().user(0), DAYS, "x", new Random(1)));
        as(otherKey).body(session).post(API + "/users/user-0/sessions").then().statusCode(403)
                .body("message", equalTo("this key may act only for its own subject"));
        as(otherKey).get(API + "/users/user-0/model-card").then().statusCode(403);
        as(otherKey).delete(API + "/users/user-0").then().statusCode(403);
        as(ownerKey).post(API + "/users/user-0/keys").then().statusCode(403);
        as(ownerKey).post(API + "/population").then().statusCode(403);
    }

    @Test
    @Order(6)
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String good = body(population().session(population().user(0), DAYS, "y", new Random(2)).subList(0, 1));
        admin().body(good.replaceFirst("\"touch\": \\[[^,]*,", "\"touch\": ["))
                .post(API + "/users/user-0/sessions").then().statusCode(400).body("field", equalTo("samples[0].touch"));
        admin().body(good.replace("\"sitting\"", "\"running\"").replace("\"standing\"", "\"running\"")
                .replace("\"walking\"", "\"running\"")).post(API + "/users/user-0/sessions").then().statusCode(400)
                .body("field", equalTo("samples[0].activity"));
        admin().body(good.replaceFirst("\"sensor\": \\[", "\"sensor\": [\"x\","))
                .post(API + "/users/user-0/sessions").then().statusCode(400);
        admin().body(good).post(API + "/users/nobody/sessions").then().statusCode(404);
        admin().body("{\"samples\": []}").post(API + "/users/user-2/enrolment").then().statusCode(400)
                .body("field", equalTo("samples"));
        admin().body(good).post(API + "/users/bad%20id/sessions").then().statusCode(400);
        assertTrue(policies.served(OwnerModelNames.owner("user-2")).isEmpty());
    }

    @Test
    @Order(7)
    void attemptsAreRateLimitedPerUser() {
        String one = body(population().session(population().user(3), DAYS, "z", new Random(3)).subList(0, 1));
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            int status = admin().body(one).post(API + "/users/user-3/sessions").then().extract().statusCode();
            if (status == 429) {
                refused++;
            } else {
                assertEquals(404, status, "user-3 is not enrolled");
            }
        }
        assertTrue(refused > 0, "40 attempts in a burst hit the limit");
        admin().body(one).post(API + "/users/user-3/sessions").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    @Order(8)
    void aDeletedUserLeavesNothingThatCanBeScoredOrRead() {
        BehaviourSample sample = population().session(population().user(0), DAYS, "w", new Random(4)).get(0);
        BehaviourRecord sealed = sealing.seal(sample);
        as(ownerKey).delete(API + "/users/user-0").then().statusCode(200).body("dataKeyDestroyed", equalTo(true))
                .body("keysRevoked", equalTo(1)).body("storedSamplesErased", greaterThan(0))
                .body("modelVersionsDeleted", equalTo(1));
        as(ownerKey).get(API + "/users/user-0/model-card").then().statusCode(401);
        admin().get(API + "/users/user-0/model-card").then().statusCode(404);
        admin().body(body(List.of(sample))).post(API + "/users/user-0/sessions").then().statusCode(404);
        assertFalse(ingestion.store().statistics().recordsPerSource().containsKey("user-0"));
        assertTrue(policies.served(OwnerModelNames.owner("user-0")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> sealing.open(sealed), "a record sealed before the deletion");
        admin().body("{\"fromStream\": true}").post(API + "/users/user-0/enrolment").then().statusCode(409);
    }

    @Test
    @Order(9)
    void anAdministratorRunsTheCohortEvaluationOnDemandAndReadsItsReport() throws InterruptedException {
        String request = "{\"seeds\": [3], \"featureSets\": [\"touch\"], \"activities\": [\"sitting\"],"
                + " \"methods\": [\"scaled-manhattan\", \"logistic-regression\"]}";
        given().contentType(ContentType.JSON).body(request).post(API + "/evaluations").then().statusCode(401);
        as(otherKey).body(request).post(API + "/evaluations").then().statusCode(403);
        admin().get(API + "/evaluations/latest").then().statusCode(404);
        admin().body("{\"methods\": [\"svm\"]}").post(API + "/evaluations").then().statusCode(400)
                .body("field", equalTo("methods[0]"));
        admin().body("{\"seeds\": [1, 2, 3, 4, 5, 6]}").post(API + "/evaluations").then().statusCode(400)
                .body("field", equalTo("seeds"));
        admin().body("{\"activities\": []}").post(API + "/evaluations").then().statusCode(400)
                .body("field", equalTo("activities"));
        admin().body("{\"featureSets\": [\"touch\", \"touch\"]}").post(API + "/evaluations").then().statusCode(400)
                .body("field", equalTo("featureSets"));
        admin().body("{\"seed\": 1}").post(API + "/evaluations").then().statusCode(400).body("field", equalTo("seed"));

        admin().body(request).post(API + "/evaluations").then().statusCode(202).body("trigger", equalTo("api"))
                .body("seeds[0]", equalTo(3));
        Await.until("the evaluation finished", Duration.ofSeconds(120), () -> !"running".equals(
                admin().get(API + "/evaluation").then().statusCode(200).extract().path("state")));
        admin().get(API + "/evaluation").then().body("state", equalTo("done")).body("cells.size()", equalTo(2));
        var result = admin().get(API + "/evaluations/latest").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3), result.getList("seeds"));
        assertEquals(List.of("scaled-manhattan", "logistic-regression"), result.getList("cells.method"));
        assertEquals(List.of("touch", "touch"), result.getList("cells.features"));
        assertEquals(List.of("sitting", "sitting"), result.getList("cells.activity"));
        for (float eer : result.getList("cells.eer.mean", Float.class)) {
            assertTrue(eer > 0 && eer < 0.5, "an EER better than chance: " + eer);
        }
        String report = admin().accept("text/markdown").get(API + "/evaluations/latest/report").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertTrue(report.contains("| scaled-manhattan") && report.contains("| logistic-regression"), report);
        as(otherKey).get(API + "/evaluations/latest/report").then().statusCode(403);

        // A second evaluation runs alone, and until it finishes the page and the report keep the first.
        admin().body("{\"seeds\": [4], \"featureSets\": [\"touch\"], \"activities\": [\"sitting\"],"
                + " \"methods\": [\"imitation\"]}").post(API + "/evaluations").then().statusCode(202);
        admin().body(request).post(API + "/evaluations").then().statusCode(409);
        admin().get(API + "/evaluation").then().body("state", equalTo("running")).body("seeds[0]", equalTo(4))
                .body("cells.size()", equalTo(2)).body("cellSeeds[0]", equalTo(3));
        admin().get(API + "/evaluations/latest").then().statusCode(200).body("seeds[0]", equalTo(3));
        Await.until("the second evaluation finished", Duration.ofSeconds(180), () -> !"running".equals(
                admin().get(API + "/evaluation").then().statusCode(200).extract().path("state")));
        admin().get(API + "/evaluation").then().body("state", equalTo("done")).body("cellSeeds[0]", equalTo(4))
                .body("cells.method", equalTo(List.of("imitation")));
    }

    @Test
    @Order(10)
    void anAdministratorMetaLearnsThePolicyStartAndAUserEnrolsFromOneSample() {
        // given: the served population (learned in step 2) and one sitting sample of a user never enrolled
        String one = body(population().session(population().user(5), DAYS, "few", new Random(5)).subList(0, 1));
        admin().body(one).post(API + "/users/user-5/few-shot-enrolment").then().statusCode(503)
                .body("message", containsString("policy-start"));
        as(otherKey).post(API + "/policy-start").then().statusCode(403);
        admin().post(API + "/policy-start?initialisation=lottery").then().statusCode(400)
                .body("field", equalTo("initialisation"));
        // when: an administrator meta-learns the start from the stored people and the user enrols on one sample
        admin().post(API + "/policy-start?initialisation=reptile&seed=3").then().statusCode(200)
                .body("version", equalTo(1)).body("initialisation", equalTo("reptile"))
                .body("populationVersion", equalTo(1)).body("people", equalTo(USERS - 1)); // user-0 was erased in step 8
        admin().body("{\"samples\": []}").post(API + "/users/user-5/few-shot-enrolment").then().statusCode(400)
                .body("field", equalTo("samples"));
        admin().body(one).post(API + "/users/user-5/few-shot-enrolment").then().statusCode(200)
                .body("userId", equalTo("user-5")).body("modelVersion", equalTo(1)).body("samplesUsed", equalTo(1))
                .body("metaModel", equalTo(OwnerModelNames.POLICY_START)).body("metaModelVersion", equalTo(1))
                .body("initialisation", equalTo("reptile"));
        // then: the adapted policy is in the few-shot registry, its card naming its start's version and the data
        ModelCard card = fewShot.promoted(OwnerModelNames.fewShot("user-5")).orElseThrow().card();
        assertEquals("few-shot-owner-reptile", card.algorithm());
        assertEquals(1, card.data().get("samples"));
        assertEquals(Map.of("model", OwnerModelNames.POLICY_START, "version", 1, "initialisation", "reptile",
                "weightsSha256", fewShot.promoted(OwnerModelNames.POLICY_START).orElseThrow().card().weightsSha256()),
                card.data().get("metaModel"));
        assertTrue(policies.served(OwnerModelNames.POLICY_START).isEmpty(), "the start is no domain policy");
        // and: erasing the user deletes their few-shot policy
        admin().delete(API + "/users/user-5").then().statusCode(200).body("modelVersionsDeleted", equalTo(1));
        assertTrue(fewShot.promoted(OwnerModelNames.fewShot("user-5")).isEmpty());
    }

    @Test
    @Order(11)
    void noFeatureValueReachesTheLog() throws IOException {
        Path log = Path.of(System.getProperty("phone-security.test-log", "target/phone-security-test.log"));
        String text = Files.readString(log);
        assertTrue(text.contains("erased a user"), "the log of this run is the one read");
        SyntheticPopulation population = population();
        Set<String> values = new HashSet<>();
        for (int u = 0; u < USERS; u++) {
            for (BehaviourSample s : population.session(population.user(u), 0, "log", new Random(u))) {
                for (float f : s.features()) {
                    String v = Float.toString(f);
                    if (v.length() >= 7) {
                        values.add(v);
                    }
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String v : values) {
            if (text.contains(v)) {
                found.add(v);
            }
        }
        assertTrue(values.size() > 1000);
        assertTrue(found.isEmpty(), "feature values in the log: " + found.size());
    }
}
