package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.ADMIN;
import static dev.apprentice.service.ServiceKitTest.API;
import static dev.apprentice.service.ServiceKitTest.DECIDER;
import static dev.apprentice.service.ServiceKitTest.as;
import static dev.apprentice.service.ServiceKitTest.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.reference.IdentityEnvironment;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.LibraryVersion;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.il.registry.RegistryEntry;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service started on a damaged registry: the promoted version's weights fail their checksum and
 * promotions.json is garbage. It serves the previous promotion and says why, every answer is JSON,
 * and promotion, rollback and registration from several threads at once never fail.
 */
@Tag("reliability")
@QuarkusTest
@TestProfile(RegistryRecoveryTest.DamagedRegistry.class)
@QuarkusTestResource(value = RegistryRecoveryTest.DamagedRegistryResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryRecoveryTest {

    static final String MODEL = "identity";
    static final String READY_POLICY = "checks.find { it.name == 'policy' }";

    /** Its own profile, so that the service starts on the damaged registry rather than sharing another test's. */
    public static class DamagedRegistry implements QuarkusTestProfile {
    }

    /** Versions 1 to 3 promoted in order; then v3's weights get a flipped bit and promotions.json becomes garbage. */
    public static class DamagedRegistryResource extends EmbeddedServiceResource {
        @Override
        protected void prepare(Path store, Path registryDirectory) throws IOException {
            PolicyRegistry registry = new PolicyRegistry(registryDirectory);
            for (int v = 1; v <= 3; v++) {
                registry.register(identityPolicy(v), card("prepared-" + v));
                registry.promote(MODEL, v);
            }
            Path weights = registryDirectory.resolve(MODEL + "/v3/policy.bin");
            byte[] bytes = Files.readAllBytes(weights);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(weights, bytes);
            Files.write(registryDirectory.resolve(MODEL + "/promotions.json"), new byte[] {'{', '"', 's', 0, (byte) 0xff});
        }
    }

    /** A policy for the identity task: the hot index, with a confidence that grows with {@code k}. */
    static Policy identityPolicy(int k) {
        float[] weights = new float[16];
        for (int i = 0; i < 4; i++) {
            weights[i * 5] = 2f + k;
        }
        return new CategoricalMlpPolicy(IdentityEnvironment.discrete(4).observationSpace(), new Discrete(4),
                ObservationNormalizer.identity(4),
                new DenseNetwork(List.of(new DenseNetwork.Layer(4, 4, weights, new float[4], Activation.IDENTITY))));
    }

    static ModelCard card(String writer) {
        return new ModelCard(MODEL, 0, "bc", "CategoricalMlpPolicy", "Box(4)", "Discrete(4)", Map.of(),
                Map.of(PolicyServing.ENCODER_KEY, "identity-v1", "writer", writer), Map.of(), Map.of(), null,
                LibraryVersion.get(), null, null);
    }

    @Inject
    PolicyServing serving;

    @ConfigProperty(name = "apprentice.storage.registry-directory")
    String registryDirectory;

    @Test
    @Order(1)
    void aServiceWhosePromotedArtefactIsCorruptAndWhosePromotionRecordIsGarbageServesThePreviousVersionAndSaysWhy() {
        given().get("/q/health/ready").then().statusCode(200).contentType("application/json")
                .body(READY_POLICY + ".status", equalTo("UP"))
                .body(READY_POLICY + ".data.version", equalTo(2))
                .body(READY_POLICY + ".data.fallback", containsString("version 3 of identity fails verification:"
                        + " identity v3: policy.bin does not match its SHA-256 (truncated or modified); serving version 2"
                        + " instead"))
                .body(READY_POLICY + ".data.promotionRecord", containsString("promotions.json is not a promotion record"))
                .body(READY_POLICY + ".data.promotionRecord",
                        containsString("recovered the promotion stack [1, 2, 3] from promotions.log line 3"));
        for (int hot = 0; hot < 4; hot++) {
            as(DECIDER).body(observation(hot)).post(API + "/decisions").then().statusCode(200)
                    .body("action", equalTo("A" + hot)).body("policyVersion", equalTo(2));
        }
        as(ADMIN).get(API + "/policies").then().statusCode(200).contentType("application/json")
                .body("[0].version", equalTo(3)).body("[0].promoted", equalTo(true))
                .body("[0].problem", containsString("policy.bin does not match its SHA-256"));
        as(ADMIN).get(API + "/policies/health").then().statusCode(200)
                .body("promoted", equalTo(3)).body("served", equalTo(2))
                .body("fallback", containsString("serving version 2 instead"))
                .body("promotionRecordDamage[0]", containsString("promotions.json is not a promotion record"));
    }

    @Test
    @Order(2)
    void rollingBackFromTheCorruptVersionEndsTheFallbackAndRepairsThePromotionRecord() {
        as(ADMIN).post(API + "/policies/rollback").then().statusCode(200).body("served", equalTo(2));
        as(ADMIN).get(API + "/policies/health").then().statusCode(200)
                .body("promoted", equalTo(2)).body("served", equalTo(2)).body("fallback", nullValue())
                .body("promotionRecordDamage.size()", equalTo(0));
        given().get("/q/health/ready").then().statusCode(200).body(READY_POLICY + ".data.fallback", nullValue())
                .body(READY_POLICY + ".data.promotionRecord", nullValue());
    }

    @Test
    @Order(3)
    void promotingAndRollingBackOverRestWhileJobsRegisterNeverFailsAndEvery409SaysWhy() throws Exception {
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String writer = "job-" + t;
            workers.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        serving.register(identityPolicy(i % 3), card(writer + "-" + i));
                        registered.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add("register: " + e);
                    }
                }
            }));
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int version = random.nextBoolean() ? 1 : 2;
                    Response r = random.nextBoolean() ? as(ADMIN).post(API + "/policies/" + version + "/promote")
                            : as(ADMIN).post(API + "/policies/rollback");
                    if (r.statusCode() == 409 && "conflict".equals(r.path("error"))
                            && r.contentType().startsWith("application/json")
                            && String.valueOf(r.<String>path("message")).contains("roll back to")) {
                        conflicts.incrementAndGet();
                    } else if (r.statusCode() == 200) {
                        changes.incrementAndGet();
                    } else {
                        failures.add(r.statusCode() + " " + r.contentType() + ": " + r.asString());
                    }
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        System.out.printf("kit probe: 5 s, %d registrations, %d promotions and rollbacks served, %d answered 409%n",
                registered.get(), changes.get(), conflicts.get());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        assertTrue(registered.get() > 0 && conflicts.get() > 0, registered + " registered, " + conflicts + " 409s");
        List<Integer> versions = serving.registry().list(MODEL).stream().map(RegistryEntry::version).toList();
        assertEquals(IntStream.rangeClosed(1, 3 + registered.get()).boxed().toList(), versions);
    }

    @Test
    @Order(4)
    void withAGarbagePromotionRecordAndNoLogEveryEndpointStillAnswersJson() throws IOException {
        Path modelDir = Path.of(registryDirectory, MODEL);
        Files.writeString(modelDir.resolve("promotions.json"), "not json at all");
        Files.delete(modelDir.resolve("promotions.log"));

        given().get("/q/health/ready").then().statusCode(200).contentType("application/json")
                .body(READY_POLICY + ".data.promotionRecord", containsString("no intact promotions.log entry"));
        as(ADMIN).get(API + "/policies/health").then().statusCode(200).contentType("application/json")
                .body("promoted", nullValue());
        as(ADMIN).post(API + "/policies/rollback").then().statusCode(409).contentType("application/json")
                .body("message", containsString("no earlier promoted version to roll back to"));
        as(ADMIN).post(API + "/policies/1/promote").then().statusCode(200).body("served", equalTo(1));
        as(ADMIN).get(API + "/policies/health").then().statusCode(200).body("promoted", equalTo(1))
                .body("promotionRecordDamage.size()", equalTo(0));
    }
}
