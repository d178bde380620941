package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.ADMIN;
import static dev.apprentice.service.ServiceKitTest.API;
import static dev.apprentice.service.ServiceKitTest.DECIDER;
import static dev.apprentice.service.ServiceKitTest.as;
import static dev.apprentice.service.ServiceKitTest.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.service.testdomain.IdentityDomain;
import dev.apprentice.service.testdomain.SubjectModelsDomain;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import dev.apprentice.service.testing.HeadlessChromium;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A service whose domain trains a model per subject through its own endpoints, with no shared
 * policy (no training recipes, evaluation or decision codec): it starts and is healthy, the kit's
 * training, registry and decision endpoints answer 404 {@code no-shared-policy} in JSON, the
 * dashboard says there is no shared policy and the kit's page shows neither training nor
 * evaluation, and neither automatic training nor the job journal does anything, whatever their
 * settings and the journal hold.
 */
@QuarkusTest
@TestProfile(NoSharedPolicyTest.ModelsPerSubject.class)
@QuarkusTestResource(value = NoSharedPolicyTest.StoredEpisodesAndAnInterruptedJob.class, restrictToAnnotatedClass = true)
class NoSharedPolicyTest {

    static final String INTERRUPTED_JOB = """
            {"id": "job-7", "request": {"algorithm": "bc"}, "trigger": "automatic", "status": "running",
             "createdAt": "2026-11-30T11:00:00Z", "startedAt": "2026-11-30T11:00:01Z", "restarts": 0}""";

    /** The per-subject test domain, with automatic training on after every episode and an algorithm no domain offers. */
    public static class ModelsPerSubject implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SubjectModelsDomain.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("apprentice.training.auto-train-episodes", "1", "apprentice.training.auto-algorithms", "ppo");
        }
    }

    /** Three complete episodes in the store, and a journal holding a job a crash interrupted. */
    public static class StoredEpisodesAndAnInterruptedJob extends EmbeddedServiceResource {
        @Override
        protected void prepare(Path store, Path registry) {
            IdentityDomain.storeEpisodes(store, 3);
        }

        @Override
        protected void prepareState(Path state) throws IOException {
            Files.writeString(Files.createDirectories(state.resolve("training").resolve("jobs")).resolve("job-7.json"),
                    INTERRUPTED_JOB);
        }
    }

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium("no-shared-policy.png", 1200, 900);

    @TestHTTPResource("/")
    URL page;

    @ConfigProperty(name = "apprentice.storage.state-directory")
    String stateDirectory;

    @ConfigProperty(name = "apprentice.storage.registry-directory")
    String registryDirectory;

    static void assertNoSharedPolicy(ValidatableResponse response) {
        response.statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404))
                .body("error", equalTo("no-shared-policy"))
                .body("message", startsWith("this service trains no shared policy: "))
                .body("message", not(containsString("Exception"))).body("errorId", nullValue());
    }

    @Test
    void givenNoSharedPolicy_whenTheServiceHasStarted_thenHealthIsUpAndReadinessSaysThereIsNoSharedPolicy() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'policy' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'policy' }.data.sharedPolicy", equalTo(false))
                .body("checks.find { it.name == 'policy' }.data.servedModels", equalTo(0));
        String metrics = as(ADMIN).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("apprentice_ingest_consumed_total{domain=\"identity\"}"), "ingestion metrics");
        assertFalse(metrics.contains("apprentice_training_iteration"), "no training progress metrics");
    }

    @Test
    void givenNoSharedPolicy_whenTheTrainingEndpointsAreCalled_thenEachAnswers404NoSharedPolicyInJson() {
        assertNoSharedPolicy(as(ADMIN).body("{\"algorithm\": \"bc\"}").post(API + "/training/jobs").then());
        assertNoSharedPolicy(as(ADMIN).get(API + "/training/jobs").then());
        assertNoSharedPolicy(as(ADMIN).get(API + "/training/jobs/job-7").then());
        assertNoSharedPolicy(as(ADMIN).post(API + "/training/jobs/job-7/cancel").then());
        as(DECIDER).get(API + "/training/jobs").then().statusCode(403);
    }

    @Test
    void givenNoSharedPolicy_whenTheDecisionAndRegistryEndpointsAreCalled_thenEachAnswers404NoSharedPolicyInJson() {
        assertNoSharedPolicy(as(DECIDER).body(observation(1)).post(API + "/decisions").then());
        assertNoSharedPolicy(as(DECIDER).body("{\"requests\": [" + observation(1) + "]}").post(API + "/decisions/batch")
                .then());
        assertNoSharedPolicy(as(DECIDER).get(API + "/provenance").then());
        assertNoSharedPolicy(as(ADMIN).get(API + "/policies").then());
        assertNoSharedPolicy(as(ADMIN).get(API + "/policies/health").then());
        assertNoSharedPolicy(as(ADMIN).post(API + "/policies/1/promote").then());
        assertNoSharedPolicy(as(ADMIN).post(API + "/policies/rollback").then());
        given().contentType(ContentType.JSON).body(observation(1)).post(API + "/decisions").then().statusCode(401);
    }

    @Test
    void givenNoSharedPolicy_whenTheDashboardIsRead_thenItSaysSoAndHoldsNoServedVersionJobsOrEvaluation() {
        as(ADMIN).get(API + "/dashboard").then().statusCode(200).body("sharedPolicy", equalTo(false))
                .body("simulated", equalTo(false)).body("served", nullValue()).body("jobs", equalTo(List.of()))
                .body("evaluation", nullValue()).body("storedEpisodes", equalTo(3));
        given().get(API + "/dashboard").then().statusCode(200).body("sharedPolicy", equalTo(false));
    }

    @Test
    void givenNoSharedPolicyAndNoSimulator_whenThePageIsOpened_thenItShowsIngestionOnlyAndNeverAsksForTheLiveView()
            throws IOException {
        WebDriver browser = chromium.open(page);
        WebElement ingest = browser.findElement(By.id("ingest"));
        chromium.until("#ingest to count the stored episodes", d -> ingest.getText().contains("stored episodes: 3"),
                () -> "#ingest: " + ingest.getText());
        for (String id : List.of("served", "live", "training", "evaluation-section")) {
            assertFalse(browser.findElement(By.id(id)).isDisplayed(), () -> "#" + id + " is shown");
        }
        Object liveRequests = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/live')).length;");
        assertEquals(0L, liveRequests, "the page never connects to the live view");
    }

    @Test
    void givenStoredEpisodesAndAnInterruptedJob_whenTheServiceHasStarted_thenNothingWasTrainedAndTheJournalIsUntouched()
            throws IOException {
        Path journal = Path.of(stateDirectory, "training", "jobs");
        assertEquals(INTERRUPTED_JOB, Files.readString(journal.resolve("job-7.json")));
        try (Stream<Path> files = Files.list(journal)) {
            assertEquals(List.of("job-7.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(Path.of(stateDirectory, "training", "checkpoints", "job-7")), "no checkpoint");
        assertEquals(List.of(), new PolicyRegistry(Path.of(registryDirectory)).models(), "no model was registered");
    }
}
