package dev.apprentice.service.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.config.DomainConfig;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.testdomain.IdentityDomain;
import dev.apprentice.service.testdomain.MirrorDomain;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-domain configuration of a service hosting two domains, without booting one: {@code
 * apprentice.domains."<name>".*} overrides the service's keys, the keys that must differ are
 * refused globally, and two domains may not share a topic, group or directory.
 */
class DomainConfigTest {

    private final ImitationDomain identity = new IdentityDomain();
    private final ImitationDomain mirror = new MirrorDomain();

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    private static DomainSettings settings(ImitationDomain domain, SmallRyeConfig config) {
        DomainConfig own = DomainConfig.forDomain(config, domain.name());
        return new DomainSettings(domain, own.kafka(), own.storage(), own.training(), own.serving());
    }

    @Test
    void environmentVariablesAndProfilesReachEveryDomainAsTheirKeysDo() {
        // given the service's keys as a container gets them: environment variables
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new io.smallrye.config.EnvConfigSource(Map.of(
                "APPRENTICE_KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap:9092", "APPRENTICE_KAFKA_INGEST", "false",
                "APPRENTICE_TRAINING_EVALUATION_EPISODES", "7", "APPRENTICE_TRAINING_ITERATIONS_GAIL", "12"), 300) {
        }).withSources(new PropertiesConfigSource(Map.of("%prod.apprentice.training.threads", "3",
                "apprentice.domains.\"mirror\".training.evaluation-episodes", "5"), "application.properties", 250))
                .withProfile("prod").build();

        // when
        DomainConfig forMirror = DomainConfig.forDomain(config, mirror.name());

        // then
        assertEquals("kafka-bootstrap:9092", forMirror.kafka().bootstrapServers().orElseThrow());
        assertEquals(false, forMirror.kafka().ingest());
        assertEquals(5, forMirror.training().evaluationEpisodes(), "the domain's own key wins over the environment");
        assertEquals(7, DomainConfig.forDomain(config, identity.name()).training().evaluationEpisodes());
        assertEquals(12, forMirror.training().iterations().get("gail"));
        assertEquals(3, forMirror.training().threads(), "the service's profile applies");
    }

    @Test
    void aDomainsOwnKeysCanComeFromTheEnvironmentToo() {
        // given apprentice.domains."mirror".kafka.* as a container's environment spells them
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new io.smallrye.config.EnvConfigSource(Map.of(
                "APPRENTICE_DOMAINS__MIRROR__KAFKA_TRANSACTIONAL_ID", "mirror-ingest-pod-3",
                "APPRENTICE_DOMAINS__MIRROR__STORAGE_STORE_DIRECTORY", "/shared/stores/mirror/pod-3",
                "APPRENTICE_DOMAINS__MIRROR__TRAINING_ENABLED", "false",
                "APPRENTICE_TRAINING_ENABLED", "true"), 300) {
        }).build();

        // when
        DomainSettings forMirror = settings(mirror, config);
        DomainSettings forIdentity = settings(identity, config);

        // then only mirror takes them
        assertEquals("mirror-ingest-pod-3", forMirror.transactionalId());
        assertEquals(Path.of("/shared/stores/mirror/pod-3"), forMirror.storeDirectory());
        assertEquals(false, forMirror.trains());
        assertEquals("identity-ingest-0", forIdentity.transactionalId());
        assertEquals(true, forIdentity.trains());
        assertEquals("STARCRAFT_MOVE_TO_BEACON", DomainConfig.environmentName("starcraft-move-to-beacon"));
    }

    @Test
    void perDomainKeysOverrideTheServicesKeysForThatDomainOnly() {
        // given
        SmallRyeConfig config = config(Map.of("apprentice.training.evaluation-episodes", "10",
                "apprentice.training.iterations.gail", "40", "apprentice.producer.decision-interval", "2s",
                "apprentice.domains.\"mirror\".training.evaluation-episodes", "5",
                "apprentice.domains.\"mirror\".training.auto-algorithms", "gail",
                "apprentice.domains.\"mirror\".producer.startup-experts", "oracle",
                "apprentice.domains.\"mirror\".kafka.topic", "mirror.steps"));

        // when
        DomainConfig forIdentity = DomainConfig.forDomain(config, identity.name());
        DomainConfig forMirror = DomainConfig.forDomain(config, mirror.name());

        // then
        assertEquals(10, forIdentity.training().evaluationEpisodes());
        assertEquals(5, forMirror.training().evaluationEpisodes());
        assertEquals(40, forMirror.training().iterations().get("gail"), "the service's keys reach every domain");
        assertEquals(Duration.ofSeconds(2), forMirror.producer().decisionInterval());
        assertEquals(List.of("oracle"), forMirror.producer().startupExperts().orElseThrow());
        assertTrue(forIdentity.producer().startupExperts().isEmpty());
        assertEquals(List.of(Algorithm.GAIL), settings(mirror, config).autoAlgorithms());
        assertEquals("mirror.steps", settings(mirror, config).topic());
        assertEquals("identity.demonstrations", settings(identity, config).topic());
    }

    @Test
    void twoDomainsWithoutPerDomainKeysGetTopicsGroupsAndDirectoriesOfTheirOwn() {
        // given
        SmallRyeConfig config = config(Map.of());

        // when
        DomainSettings a = settings(identity, config);
        DomainSettings b = settings(mirror, config);

        // then
        DomainRegistry.checkDistinct(List.of(a, b));
        assertEquals("mirror.policies", b.policyTopic());
        assertEquals("mirror-ingest", b.groupId());
        assertEquals("mirror-ingest-0", b.transactionalId());
        assertEquals(Path.of(".apprentice/mirror/store"), b.storeDirectory());
        assertNotEquals(a.stateDirectory(), b.stateDirectory());
    }

    @Test
    void aGlobalValueOfAKeyThatMustDifferIsRefusedNamingThePerDomainKey() {
        // given
        SmallRyeConfig config = config(Map.of("apprentice.storage.store-directory", "/data/store"));

        // when
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DomainConfig.forDomain(config, mirror.name()));

        // then
        assertTrue(refused.getMessage().contains("apprentice.domains.\"mirror\".storage.store-directory"),
                refused.getMessage());
    }

    @Test
    void twoDomainsSharingADirectoryOrATopicAreRefusedNamingBoth() {
        // given
        SmallRyeConfig sharedStore = config(Map.of("apprentice.domains.\"identity\".storage.store-directory", "/data/s",
                "apprentice.domains.\"mirror\".storage.store-directory", "/data/s"));
        SmallRyeConfig sharedTopic = config(Map.of("apprentice.domains.\"mirror\".kafka.policy-topic",
                "identity.demonstrations"));

        // when
        IllegalArgumentException store = assertThrows(IllegalArgumentException.class, () -> DomainRegistry
                .checkDistinct(List.of(settings(identity, sharedStore), settings(mirror, sharedStore))));
        IllegalArgumentException topic = assertThrows(IllegalArgumentException.class, () -> DomainRegistry
                .checkDistinct(List.of(settings(identity, sharedTopic), settings(mirror, sharedTopic))));

        // then
        assertTrue(store.getMessage().contains("identity and mirror") && store.getMessage().contains("/data/s"),
                store.getMessage());
        assertTrue(topic.getMessage().contains("'identity.demonstrations'"), topic.getMessage());
    }

    @Test
    void aNameThatIsNotOnePathSegmentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DomainRegistry.checkName("star/craft"));
        assertThrows(IllegalArgumentException.class, () -> DomainRegistry.checkName(".."));
        DomainRegistry.checkName("starcraft-minigames");
    }
}
