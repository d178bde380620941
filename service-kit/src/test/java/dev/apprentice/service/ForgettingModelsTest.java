package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.observation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import dev.apprentice.service.config.ServingSettings;
import dev.apprentice.service.config.StorageSettings;
import dev.apprentice.service.config.TrainingSettings;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.service.ingest.KafkaConnection;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.PolicyTopic;
import dev.apprentice.service.testdomain.IdentityDomain;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Forgetting a subject's model on a service with a model per subject: the service deletes it from
 * its registry, stops serving it and publishes a tombstone on the policy topic; a serving-only
 * replica following the topic (built here beside the service, with its own registry) stops serving
 * it when the tombstone arrives and leaves its own registry alone, and one that starts afterwards
 * never serves it.
 */
@QuarkusTest
@TestProfile(NoSharedPolicyTest.ModelsPerSubject.class)
@QuarkusTestResource(value = EmbeddedServiceResource.class, restrictToAnnotatedClass = true)
class ForgettingModelsTest {

    @Inject
    PolicyServing serving;

    @Inject
    ImitationDomain domain;

    @Inject
    TrainingSettings training;

    @ConfigProperty(name = "apprentice.kafka.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "apprentice.storage.registry-directory")
    String registryDirectory;

    /** A serving-only replica's serving and policy topic. */
    record Replica(PolicyServing serving, PolicyTopic topic) implements AutoCloseable {
        @Override
        public void close() {
            topic.close();
        }
    }

    /** Starts a serving-only replica with its registry at {@code registry}; it has caught up with the topic on return. */
    Replica followingReplica(Path registry) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(KafkaSettings.class)
                .withMapping(StorageSettings.class).withMapping(ServingSettings.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("apprentice.kafka.bootstrap-servers", bootstrapServers,
                        "apprentice.kafka.ingest", "false", "apprentice.storage.registry-directory", registry.toString()),
                        "serving-only replica", 500))
                .build();
        KafkaSettings kafka = config.getConfigMapping(KafkaSettings.class);
        ServingSettings servingSettings = config.getConfigMapping(ServingSettings.class);
        DomainSettings settings = new DomainSettings(domain, kafka, config.getConfigMapping(StorageSettings.class),
                training, servingSettings);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PolicyServing replicaServing = new PolicyServing(settings, metrics);
        PolicyTopic topic = new PolicyTopic(settings, servingSettings, new KafkaConnection(kafka, settings),
                replicaServing, metrics);
        topic.start();
        return new Replica(replicaServing, topic);
    }

    ModelCard registerAndPromote(PolicyServing target, String model) throws IOException {
        IdentityDomain.Trained trained = IdentityDomain.trainOnOracleEpisodes(model);
        ModelCard card = target.register(trained.policy(), trained.draft());
        target.promote(model, card.version());
        return card;
    }

    @Test
    void givenTwoSubjectsModelsOnAFollowedService_whenOneIsForgotten_thenNoReplicaServesItAndTheOtherStaysServed()
            throws Exception {
        // given: the follower's own registry holds a copy of subject-a, as if it had once been trained there
        Path followerRegistry = Files.createTempDirectory("follower-registry-");
        IdentityDomain.Trained copy = IdentityDomain.trainOnOracleEpisodes("subject-a");
        PolicyRegistry own = new PolicyRegistry(followerRegistry);
        own.promote("subject-a", own.register(copy.policy(), copy.draft()).version());
        registerAndPromote(serving, "subject-a");
        ModelCard b = registerAndPromote(serving, "subject-b");
        assertEquals(1, serving.versions("subject-a").size(), "the listing is cached");
        AtomicInteger changes = new AtomicInteger();
        serving.onChange(changes::incrementAndGet);
        try (Replica follower = followingReplica(followerRegistry)) {
            Await.until("the follower to serve both subjects' models", Duration.ofSeconds(30),
                    () -> follower.serving().served("subject-a").isPresent()
                            && follower.serving().served("subject-b").isPresent());

            // when
            int deleted = serving.forget("subject-a");

            // then
            assertEquals(1, deleted);
            assertTrue(serving.served("subject-a").isEmpty());
            assertEquals(List.of(), serving.versions("subject-a"), "the cached listing was dropped");
            assertEquals(List.of("subject-b"), new PolicyRegistry(Path.of(registryDirectory)).models());
            assertTrue(changes.get() > 0, "the change listeners ran");
            UnavailableException noPolicy = assertThrows(UnavailableException.class,
                    () -> serving.decide("subject-a", new float[] {1, 0, 0, 0}));
            assertFalse(noPolicy.getMessage().contains("training"), noPolicy.getMessage());
            assertEquals(b.version(), serving.decide("subject-b", new float[] {0, 1, 0, 0}).policyVersion());
            Await.until("the follower to drop subject-a's model", Duration.ofSeconds(30),
                    () -> follower.serving().served("subject-a").isEmpty());
            assertTrue(follower.serving().served("subject-b").isPresent(), "subject-b is still served");
            assertEquals(List.of("subject-a"), own.models(), "the follower's own registry is untouched");
            assertThrows(ConflictException.class, () -> follower.serving().forget("subject-b"));
        }
        try (Replica later = followingReplica(Files.createTempDirectory("later-registry-"))) {
            assertTrue(later.serving().served("subject-a").isEmpty(), "caught up past the tombstone");
            assertEquals("A1", later.serving().decide("subject-b", new float[] {0, 1, 0, 0}).action());
        }
    }

    @Test
    void givenAModelNobodyHas_whenForgotten_thenNothingIsDeletedAndForgettingAgainIsHarmless() {
        assertEquals(0, serving.forget("subject-z"));
        assertEquals(0, serving.forget("subject-z"));
        assertTrue(serving.served("subject-z").isEmpty());
    }
}
