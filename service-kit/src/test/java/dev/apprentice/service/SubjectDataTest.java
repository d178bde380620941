package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.ADMIN;
import static dev.apprentice.service.ServiceKitTest.API;
import static dev.apprentice.service.ServiceKitTest.DECIDER;
import static dev.apprentice.service.ServiceKitTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.reference.IdentityEnvironment;
import dev.apprentice.il.env.reference.IdentityExpert;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the kit gives a service with personal data, through a test resource written as a domain
 * would write it ({@code testdomain/SubjectResource}): keys issued at run time that act only for
 * their subject and reveal nothing of other subjects, attempts limited per subject (here 3 a
 * minute), and deleting a subject, which revokes its keys and erases its demonstrations while the
 * ingester goes on storing the others'.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedServiceResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubjectDataTest {

    static final String SUBJECTS = API + "/test-subjects/";

    @Inject
    DomainSettings settings;

    @ConfigProperty(name = "apprentice.kafka.bootstrap-servers")
    String bootstrapServers;

    static String issueKey(String subject) {
        return as(ADMIN).post(SUBJECTS + subject + "/keys").then().statusCode(200).extract().path("key");
    }

    static Response attempt(String key, String subject) {
        return as(key).post(SUBJECTS + subject + "/attempts");
    }

    /** Durable records of a source in the store, 0 for none. */
    static int storedRecords(String source) {
        Map<String, Integer> perSource = as(ADMIN).get(API + "/ingest").path("store.recordsPerSource");
        return perSource == null ? 0 : perSource.getOrDefault(source, 0);
    }

    /** Publishes {@code episodes} identity episodes of a source to the demonstrations topic, as its device would. */
    void publish(String source, int episodes, long firstSeed) {
        publish(settings.domain().records(), source, episodes, firstSeed);
    }

    private <R extends SpecificRecord> void publish(DemonstrationRecords<R> records, String source, int episodes,
            long firstSeed) {
        DemonstrationPublisher<SpecificRecord> out = ExpertProducer.publisher(bootstrapServers, settings.topic(),
                settings.payloadFormat(), records);
        try {
            Instant start = Instant.now().minusSeconds(120);
            for (long seed = firstSeed; seed < firstSeed + episodes; seed++) {
                List<ExpertStep> steps = ExpertRecorder.record("identity", source, "seed-" + seed,
                        IdentityEnvironment.discrete(4), new IdentityExpert(true), seed,
                        IdentityEnvironment.EPISODE_LENGTH, start, Duration.ofMillis(10), Map.of());
                steps.forEach(step -> out.publish(records.fromStep(step)));
            }
            out.flush();
        } finally {
            out.close();
        }
    }

    @Test
    @Order(1)
    void aSubjectKeyActsOnlyForItsSubjectAndARefusalDoesNotTellWhetherTheOtherSubjectExists() {
        // given: keys for alice and bob; carol has none and is unknown to the service
        String alice = issueKey("alice");
        issueKey("bob");

        // when / then: alice's key acts for alice only
        assertTrue(alice.startsWith("sub-") && alice.length() >= 4 + 43, alice);
        attempt(alice, "alice").then().statusCode(200).body("subject", equalTo("alice"));
        String forBob = attempt(alice, "bob").then().statusCode(403).body("error", equalTo("forbidden"))
                .body("message", equalTo("this key may act only for its own subject")).extract().asString();
        String forCarol = attempt(alice, "carol").then().statusCode(403).extract().asString();
        assertEquals(forBob, forCarol, "a known and an unknown subject are refused alike");
        assertFalse(forBob.contains("bob"), forBob);
        attempt(alice, "not a valid id!").then().statusCode(403);

        // and it reaches nothing else: administration, decisions, metrics
        as(alice).get(API + "/policies").then().statusCode(403);
        as(alice).get(API + "/ingest").then().statusCode(403);
        as(alice).post(SUBJECTS + "alice/keys").then().statusCode(403);
        as(alice).body("{\"observation\": [1, 0, 0, 0]}").post(API + "/decisions").then().statusCode(403);
        as(alice).get("/q/metrics").then().statusCode(403);

        // while an administrator acts for any subject, and callers without a key or with a decision key for none
        attempt(ADMIN, "carol").then().statusCode(200);
        attempt(ADMIN, "x".repeat(65)).then().statusCode(400).body("field", equalTo("subjectId"))
                .body("message", equalTo("subjectId: expected 1 to 64 characters, found 65"));
        given().post(SUBJECTS + "alice/attempts").then().statusCode(401);
        attempt(DECIDER, "alice").then().statusCode(403);
    }

    @Test
    @Order(2)
    void attemptsBeyondTheSubjectsLimitAnswer429WithRetryAfterAndAreCountedWithoutTheSubject() {
        // given: dora's key
        String dora = issueKey("dora");

        // when: four attempts within the minute
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(attempt(dora, "dora").statusCode());
        }
        Response refused = attempt(dora, "dora");

        // then: the fourth is refused with the time until the next one (a minute / 3), and only dora is limited
        assertEquals(List.of(200, 200, 200), statuses);
        refused.then().statusCode(429).body("status", equalTo(429)).body("error", equalTo("too-many-attempts"))
                .body("message", startsWith("too many attempts for this subject; try again in "));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 19 && retryAfter <= 20, "Retry-After " + retryAfter);
        attempt(ADMIN, "dora").then().statusCode(429);
        attempt(ADMIN, "erin").then().statusCode(200);
        String metrics = as(DECIDER).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("apprentice_subject_attempts_refused_total{domain=\"identity\"} 2.0"), metrics);
        assertFalse(metrics.contains("dora"), "no subject id in the metrics");
    }

    @Test
    @Order(3)
    void deletingASubjectRevokesItsKeysAndErasesItsStepsWhileTheOthersAreStillBeingIngested() throws Exception {
        // given: ten episodes of each of two phones' owners stored, and the second owner's next ten on their way
        String ownerA = "phone-owner-a";
        String ownerB = "phone-owner-b";
        String keyOfA = issueKey(ownerA);
        publish(ownerA, 10, 0);
        publish(ownerB, 10, 0);
        int episode = IdentityEnvironment.EPISODE_LENGTH;
        Await.until("both owners' episodes stored", Duration.ofSeconds(60),
                () -> storedRecords(ownerA) == 10 * episode && storedRecords(ownerB) == 10 * episode);
        publish(ownerB, 10, 10);

        // when: owner A is deleted
        Response deleted = as(ADMIN).delete(SUBJECTS + ownerA);

        // then: A's key and steps are gone, and every one of B's steps is stored, the later ones included
        deleted.then().statusCode(200).body("revokedKeys", equalTo(1)).body("erasedSteps", equalTo(10 * episode))
                .body("erasedEpisodes", equalTo(10));
        Await.until("owner B's later episodes stored", Duration.ofSeconds(60),
                () -> storedRecords(ownerB) == 20 * episode);
        assertEquals(0, storedRecords(ownerA));
        as(keyOfA).post(SUBJECTS + ownerA + "/attempts").then().statusCode(401);
        as(ADMIN).delete(SUBJECTS + ownerA).then().statusCode(200).body("revokedKeys", equalTo(0))
                .body("erasedSteps", equalTo(0));
    }

    @Test
    @Order(4)
    void wrongAndRevokedSubjectKeysCountAgainstTheCallersWrongKeyBudget() {
        // given: the budget of 5 wrong keys per 5 s, of which a revoked key (above) may have spent one
        String revoked = issueKey("frank");
        as(ADMIN).delete(SUBJECTS + "frank").then().statusCode(200);

        // when: a revoked key and guessed subject keys are presented
        List<Integer> statuses = new ArrayList<>();
        statuses.add(attempt(revoked, "frank").statusCode());
        for (int i = 0; i < 5; i++) {
            statuses.add(attempt("sub-guessed-0123456789-" + i, "frank").statusCode());
        }

        // then: they are refused as unknown keys, and once the budget is spent every key is answered 429
        assertEquals(401, statuses.get(0));
        assertTrue(statuses.contains(429), statuses::toString);
        as(ADMIN).get(API + "/policies").then().statusCode(429).body("error", equalTo("too-many-failed-keys"));
    }
}
