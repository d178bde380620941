package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.ADMIN;
import static dev.apprentice.service.ServiceKitTest.API;
import static dev.apprentice.service.ServiceKitTest.as;
import static dev.apprentice.service.ServiceKitTest.awaitJob;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.testdomain.IdentityDomain;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A service restarted after a crash finds its state again: a training job that was running is
 * run again under its id on the episodes it had started on, finished jobs are listed, a damaged job
 * file is moved aside without stopping the start, job ids continue after the journal's, and the
 * expert producer continues after the seeds it had already published.
 */
@QuarkusTest
@Tag("reliability")
@QuarkusTestResource(value = RestartRecoveryTest.StateLeftByACrash.class, restrictToAnnotatedClass = true)
class RestartRecoveryTest {

    /** A store with 3 episodes, and the state a crash left while job-7 was running. */
    public static class StateLeftByACrash extends EmbeddedServiceResource {
        @Override
        protected void prepare(Path store, Path registry) {
            IdentityDomain.storeEpisodes(store, 3);
        }

        @Override
        protected void prepareState(Path state) throws IOException {
            Path jobs = Files.createDirectories(state.resolve("training").resolve("jobs"));
            Files.writeString(jobs.resolve("job-3.json"), """
                    {"id": "job-3", "request": {"algorithm": "bc"}, "trigger": "api", "status": "failed",
                     "createdAt": "2026-11-30T10:00:00Z", "finishedAt": "2026-11-30T10:01:00Z",
                     "error": "the store holds no complete episodes", "restarts": 0}""");
            Files.writeString(jobs.resolve("job-7.json"), """
                    {"id": "job-7", "request": {"algorithm": "bc"}, "trigger": "automatic", "status": "running",
                     "createdAt": "2026-11-30T11:00:00Z", "startedAt": "2026-11-30T11:00:01Z",
                     "episodesUsed": 2, "samplesUsed": 40, "restarts": 0, "episodes": [
                       {"source": "sim-oracle", "episode": "seed-0"}, {"source": "sim-oracle", "episode": "seed-2"}]}""");
            Files.writeString(jobs.resolve("job-5.json"), "{\"id\": \"job-5\", \"requ");
            Files.writeString(state.resolve("producer-seeds.json"), "{\"oracle\": 40}", StandardCharsets.UTF_8);
        }
    }

    @ConfigProperty(name = "apprentice.storage.state-directory")
    String stateDirectory;

    @Test
    void aJobInterruptedByACrashRunsAgainUnderItsIdOnTheEpisodesItHadStartedOn() throws InterruptedException {
        Response job = awaitJob("job-7");
        assertEquals("succeeded", job.path("status"), job::asString);
        assertEquals(1, (int) job.path("restarts"), job::asString);
        assertEquals("automatic", job.path("trigger"));
        assertEquals(2, (int) job.path("episodesUsed"), "the same episodes as before the crash, not the 3 stored now");

        Path journal = Path.of(stateDirectory, "training", "jobs");
        Await.until("the journal to record job-7's end", Duration.ofSeconds(10),
                () -> Files.readString(journal.resolve("job-7.json")).contains("\"succeeded\""));
        assertTrue(Files.notExists(Path.of(stateDirectory, "training", "checkpoints", "job-7")),
                "a finished job's checkpoints are deleted");
    }

    @Test
    void finishedJobsAreListedAgainAndADamagedJobFileIsMovedAside() {
        as(ADMIN).get(API + "/training/jobs/job-3").then().statusCode(200).body("status", equalTo("failed"))
                .body("error", equalTo("the store holds no complete episodes"));
        as(ADMIN).get(API + "/training/jobs/job-5").then().statusCode(404);
        Path journal = Path.of(stateDirectory, "training", "jobs");
        assertTrue(Files.exists(journal.resolve("job-5.json.unreadable")), "the damaged file is kept aside");
        assertTrue(Files.notExists(journal.resolve("job-5.json")));
    }

    @Test
    void newJobIdsContinueAfterTheJournals() {
        String id = as(ADMIN).body("{\"algorithm\": \"bc\", \"promote\": \"manual\"}").post(API + "/training/jobs").then()
                .statusCode(202).extract().path("id");
        assertEquals("job-8", id);
    }

    @Test
    void theExpertProducerContinuesAfterTheSeedsItHadPublished() throws IOException {
        as(ADMIN).body("{\"expert\": \"oracle\", \"episodes\": 2}").post(API + "/experts/episodes").then().statusCode(200)
                .body("firstSeed", equalTo(40)).body("records", equalTo(40));
        assertEquals("{\"oracle\":42}", Files.readString(Path.of(stateDirectory, "producer-seeds.json")));
    }
}
