package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.ADMIN;
import static dev.apprentice.service.ServiceKitTest.API;
import static dev.apprentice.service.ServiceKitTest.DECIDER;
import static dev.apprentice.service.ServiceKitTest.as;
import static dev.apprentice.service.ServiceKitTest.awaitJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.testdomain.IdentityDomain;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service whose demonstration store cannot be opened (damage no crash explains) still starts and
 * serves its promoted policy; readiness, the ingest endpoint and the metrics say the store failed
 * and why, without the directory's path, and training jobs fail with that reason. The documented
 * repair quarantines the damaged segments and ingestion starts again.
 */
@QuarkusTest
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = DamagedStoreTest.UnreadableStore.class, restrictToAnnotatedClass = true)
class DamagedStoreTest {

    /** A promoted policy, and a store whose first of two segments is garbage. */
    public static class UnreadableStore extends EmbeddedServiceResource {
        static Path storeDirectory;

        @Override
        protected void prepare(Path store, Path registry) throws IOException {
            storeDirectory = store;
            IdentityDomain.storeEpisodes(store, 2);
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            Files.write(store.resolve("segment-00000001.avro"), garbage);
            Files.copy(store.resolve("segment-00000001.avro"), store.resolve("segment-00000002.avro"));
            IdentityDomain.registerPromotedPolicy(registry);
        }
    }

    @Test
    @Order(1)
    void thePromotedPolicyIsServedAndReadinessSaysTheStoreFailedAndWhy() {
        given().header("Authorization", "Bearer " + DECIDER).contentType("application/json").body("{\"observation\": [0, 0, 1, 0]}")
                .post(API + "/decisions").then().statusCode(200).body("action", equalTo("A2"))
                .body("policyVersion", equalTo(1));

        Response ready = given().get("/q/health/ready");
        assertEquals(503, ready.statusCode(), ready::asString);
        ready.then().body("checks.find { it.name == 'policy' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ingestion' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'ingestion' }.data.state", equalTo("store-failed"))
                .body("checks.find { it.name == 'ingestion' }.data.cause", containsString("segment-00000001.avro"));
        assertTrue(!ready.asString().contains(UnreadableStore.storeDirectory.toString()),
                "no file path is shown to anonymous callers: " + ready.asString());
    }

    @Test
    @Order(2)
    void theIngestEndpointAndTheMetricsReportTheFailedStore() {
        as(ADMIN).get(API + "/ingest").then().statusCode(200)
                .body("status.state", equalTo("store-failed")).body("status.cause", not(nullValue()))
                .body("store", nullValue());
        String metrics = given().header("Authorization", "Bearer " + DECIDER).get("/q/metrics").asString();
        assertTrue(metrics.contains("apprentice_ingest_failed{domain=\"identity\"} 1.0"), metrics);
    }

    @Test
    @Order(3)
    void aTrainingJobFailsWithTheStoresProblem() throws InterruptedException {
        String id = as(ADMIN).body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs")
                .then().statusCode(202).extract().path("id");
        Response job = awaitJob(id);
        assertEquals("failed", job.path("status"), job::asString);
        assertTrue(job.path("error").toString().contains("cannot be opened"), job::asString);
    }

    @Test
    @Order(4)
    void theRepairQuarantinesTheDamagedSegmentsAndIngestionStartsAgain() throws IOException {
        as(ADMIN).post(API + "/ingest/store/repair").then().statusCode(200)
                .body("segments.size()", equalTo(2)).body("segments[0].name", equalTo("segment-00000001.avro"));
        assertTrue(Files.exists(UnreadableStore.storeDirectory.resolve("quarantine")), "the originals are kept aside");
        as(ADMIN).get(API + "/ingest").then().statusCode(200)
                .body("status.state", equalTo("running")).body("store.durableRecords", equalTo(0));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
