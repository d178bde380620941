package dev.apprentice.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.service.testdomain.IdentityDomain;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Automatic training counts what the store already holds when it is enabled: episodes committed
 * before its listener existed (here: stored before the service started) are not missed.
 */
@QuarkusTest
@TestProfile(AutomaticTrainingTest.AutoTrainAfterThreeEpisodes.class)
@QuarkusTestResource(value = AutomaticTrainingTest.PrefilledStore.class, restrictToAnnotatedClass = true)
class AutomaticTrainingTest {

    /** Automatic BC once 3 complete episodes are stored. */
    public static class AutoTrainAfterThreeEpisodes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("apprentice.training.auto-train-episodes", "3", "apprentice.training.auto-algorithms", "bc");
        }
    }

    /** A broker, and a store that already holds 3 complete identity episodes when the service starts. */
    public static class PrefilledStore extends EmbeddedServiceResource {
        @Override
        protected void prepare(Path storeDirectory, Path registry) {
            IdentityDomain.storeEpisodes(storeDirectory, 3);
        }
    }

    @Test
    void episodesStoredBeforeStartUpTriggerAutomaticTraining() throws InterruptedException {
        Await.until("an automatic job", Duration.ofSeconds(60), () -> given()
                .header("Authorization", "Bearer " + ServiceKitTest.ADMIN).get("/api/v1/identity/training/jobs")
                .path("trigger").toString().contains("automatic"));
        String id = given().header("Authorization", "Bearer " + ServiceKitTest.ADMIN)
                .get("/api/v1/identity/training/jobs").path("[0].id");
        Response job = ServiceKitTest.awaitJob(id);
        assertEquals("succeeded", job.path("status"), job::asString);
        assertEquals(3, (int) job.path("episodesUsed"));
    }
}
