package dev.apprentice.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.PromotionRule;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.testdomain.MirrorDomain;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import dev.apprentice.service.training.TrainingJob;
import dev.apprentice.service.training.TrainingRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One service hosting two domains, {@code identity} and {@code mirror}: each has its own topics,
 * consumer group, directories, ingestion, training jobs, served policy, metrics, readiness checks
 * and endpoints under {@code /api/v1/<name>}, and what happens in one leaves the other as it was; a
 * domain the service does not host is 404.
 */
@QuarkusTest
@TestProfile(TwoDomainsTest.TwoDomains.class)
@QuarkusTestResource(value = TwoDomainsTest.PerDomainDirectories.class, restrictToAnnotatedClass = true)
class TwoDomainsTest {

    /** Hosts {@link MirrorDomain} beside the identity domain. */
    public static class TwoDomains implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("apprentice.test.mirror-domain", "true",
                    "apprentice.domains.\"mirror\".training.evaluation-episodes", "5");
        }
    }

    /** The broker, and each domain's store, registry and state under a directory of its own. */
    public static class PerDomainDirectories extends EmbeddedServiceResource {
        @Override
        protected List<String> domains() {
            return List.of("identity", MirrorDomain.NAME);
        }
    }

    @Inject
    DomainRegistry domains;

    @Inject
    MeterRegistry metrics;

    @Test
    void eachDomainHasTopicsGroupsAndDirectoriesOfItsOwn() {
        // given
        DomainSettings identity = domains.require("identity").settings();
        DomainSettings mirror = domains.require(MirrorDomain.NAME).settings();

        // then
        assertEquals(List.of("identity", "mirror"), domains.names());
        assertEquals("identity.demonstrations", identity.topic());
        assertEquals("mirror.demonstrations", mirror.topic());
        assertEquals("mirror.policies", mirror.policyTopic());
        assertEquals("mirror-ingest", mirror.groupId());
        assertEquals(Set.of("identity", "mirror"), Stream.of(identity, mirror)
                .map(s -> s.storeDirectory().getParent().getFileName().toString()).collect(Collectors.toSet()));
        assertEquals(5, domains.require(MirrorDomain.NAME).config().training().evaluationEpisodes());
        assertEquals(10, domains.require("identity").config().training().evaluationEpisodes());
        IllegalStateException single = assertThrows(IllegalStateException.class, domains::only);
        assertTrue(single.getMessage().contains("[identity, mirror]"), single.getMessage());
    }

    @Test
    void demonstrationsOfOneDomainAreIngestedTrainedAndServedThereOnly() throws InterruptedException {
        // given
        DomainServices mirror = domains.require(MirrorDomain.NAME);
        DomainServices identity = domains.require("identity");

        // when
        mirror.producer().publish("oracle", 5, null);
        Await.until("5 mirror episodes stored", Duration.ofSeconds(60), () -> mirror.ingestion().storeStatistics()
                .map(s -> s.completeEpisodes() == 5).orElse(false));
        TrainingJob job = mirror.training().submit(new TrainingRequest(Algorithm.BC, null, null, null, null,
                PromotionRule.ALWAYS), "test");
        Await.until("the mirror job to finish", Duration.ofSeconds(120), job::finished);

        // then
        assertEquals(TrainingJob.Status.SUCCEEDED, job.view().status(), () -> job.view().toString());
        assertEquals(1, mirror.serving().served("mirror").orElseThrow().version());
        assertTrue(identity.serving().served("identity").isEmpty(), "identity serves nothing");
        assertEquals(0, identity.ingestion().storeStatistics().orElseThrow().completeEpisodes());
        assertTrue(identity.training().jobs().isEmpty(), "identity has no jobs");
        assertEquals("A2", mirror.serving().decide("mirror", new float[] {0, 0, 1, 0}).action());
        ServiceKitTest.as(ServiceKitTest.DECIDER).body(ServiceKitTest.observation(3)).post("/api/v1/mirror/decisions")
                .then().statusCode(200).body("model", equalTo("mirror")).body("action", equalTo("A3"));
        ServiceKitTest.as(ServiceKitTest.DECIDER).body(ServiceKitTest.observation(3)).post("/api/v1/identity/decisions")
                .then().statusCode(503).body("error", equalTo("no-policy"));
        ServiceKitTest.as(ServiceKitTest.ADMIN).get("/api/v1/mirror/training/jobs").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(job.id()));
        ServiceKitTest.as(ServiceKitTest.ADMIN).get("/api/v1/identity/training/jobs").then().statusCode(200)
                .body("size()", equalTo(0));
        ServiceKitTest.as(ServiceKitTest.ADMIN).get("/api/v1/mirror/ingest").then().statusCode(200)
                .body("store.completeEpisodes", equalTo(5));
    }

    @Test
    void bothDomainsAnswerUnderTheirNamesAndAnUnknownDomainIsNotFound() {
        for (String domain : List.of("identity", "mirror")) {
            given().get("/api/v1/" + domain + "/ping").then().statusCode(200).body("status", equalTo("ok"));
            given().get("/api/v1/" + domain + "/dashboard").then().statusCode(200).body("domain", equalTo(domain))
                    .body("sharedPolicy", equalTo(true));
            ServiceKitTest.as(ServiceKitTest.ADMIN).get("/api/v1/" + domain + "/policies/health").then().statusCode(200)
                    .body("model", equalTo(domain));
        }
        given().get("/api/v1/starcraft/dashboard").then().statusCode(404).body("status", equalTo(404))
                .body("error", equalTo("not-found")).body("message", containsString("'starcraft'"));
        ServiceKitTest.as(ServiceKitTest.ADMIN).get("/api/v1/starcraft/training/jobs").then().statusCode(404)
                .body("message", containsString("[identity, mirror]"));
        ServiceKitTest.as(ServiceKitTest.DECIDER).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/identity/decisions")).body("paths", hasKey("/api/v1/mirror/decisions"))
                .body("paths", hasKey("/api/v1/mirror/training/jobs/{id}"))
                .body("paths", not(hasKey("/api/v1/{domain}/decisions")));
    }

    @Test
    void metricsAndReadinessChecksAreTaggedAndNamedByDomain() {
        // then
        for (String domain : List.of("identity", "mirror")) {
            assertNotNull(metrics.find("apprentice_decisions").tag("domain", domain).counter(), domain);
            assertNotNull(metrics.find("apprentice_ingest_consumed").tag("domain", domain).functionCounter(), domain);
            assertNotNull(metrics.find("apprentice_training_iteration").tag("domain", domain).gauge(), domain);
        }
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'ingestion-identity' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ingestion-mirror' }.data.state", equalTo("running"))
                .body("checks.find { it.name == 'policy-identity' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'policy' }", equalTo(null));
    }
}
