package dev.apprentice.il.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRegistryTest {

    private static DemonstrationSet demos;

    @TempDir
    Path root;

    @BeforeAll
    static void recordDemonstrations() {
        try (RolloutCollector c = new RolloutCollector(1, 1000)) {
            demos = c.demonstrations(ReferenceTask.CARTPOLE.environments(), ReferenceTask.CARTPOLE.expert(),
                    RolloutCollector.seeds(1, 2));
        }
    }

    /** A small categorical policy whose weights depend on {@code k}, so versions differ. */
    static Policy policy(float k) {
        DenseNetwork net = new DenseNetwork(List.of(
                new DenseNetwork.Layer(4, 3, new float[] {k, 0, 1, 0, k, 1, 1, 0, -k, 0, 1, 1}, new float[] {0, 0.5f, 0},
                        Activation.TANH),
                new DenseNetwork.Layer(3, 2, new float[] {1, -1, -1, 1, k, 0}, new float[] {0.1f, 0}, Activation.IDENTITY)));
        return new CategoricalMlpPolicy(ReferenceTask.CARTPOLE.environments().get().observationSpace(), new Discrete(2),
                ObservationNormalizer.identity(4), net);
    }

    static ModelCard draft(String model, Policy policy) {
        TrainerConfig config = new TrainerConfig() {
            @Override
            public Map<String, Object> toMap() {
                return Map.of("seed", 5L);
            }

            @Override
            public long seed() {
                return 5;
            }
        };
        TrainingOutcome outcome = new TrainingOutcome(policy, "bc", config, 3, false, Map.of("train_loss", 0.25), 1.5);
        return ModelCard.draft(model, outcome, "unit test", demos, null);
    }

    private ModelCard register(PolicyRegistry registry, String model, float k) {
        Policy p = policy(k);
        return registry.register(p, draft(model, p));
    }

    @Test
    void registeredPolicyLoadsWithIdenticalActionsAndACompleteCard() {
        // given
        PolicyRegistry registry = new PolicyRegistry(root);
        Policy original = policy(0.7f);
        // when
        ModelCard card = registry.register(original, draft("cartpole-bc", original));
        LoadedPolicy loaded = registry.load("cartpole-bc", card.version());
        // then
        assertEquals(1, card.version());
        assertEquals(64, card.weightsSha256().length());
        assertEquals(LibraryVersion.get(), loaded.card().libraryVersion());
        assertEquals(demos.sha256(), loaded.card().data().get("sha256"));
        assertEquals(0.25, ((Number) loaded.card().metrics().get("train_loss")).doubleValue());
        for (int i = 0; i < demos.size(); i++) {
            float[] s = demos.state(i);
            assertArrayEquals(original.distribution(s) instanceof dev.apprentice.il.policy.CategoricalDistribution c
                    ? c.probabilities() : null,
                    ((dev.apprentice.il.policy.CategoricalDistribution) loaded.policy().distribution(s)).probabilities());
        }
    }

    @Test
    void versionsIncreaseAndAreListedOldestFirst() {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        register(registry, "m", 0.2f);
        register(registry, "m", 0.3f);
        List<RegistryEntry> entries = registry.list("m");
        assertEquals(List.of(1, 2, 3), entries.stream().map(RegistryEntry::version).toList());
        assertTrue(entries.stream().allMatch(e -> e.card().isPresent() && e.problem().isEmpty()));
        assertEquals(List.of("m"), registry.models());
    }

    @Test
    void promoteAndRollBackMoveTheServedVersion() {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        register(registry, "m", 0.2f);
        register(registry, "m", 0.3f);
        assertEquals(Optional.empty(), registry.promotedVersion("m"));

        registry.promote("m", 1);
        registry.promote("m", 3);
        assertEquals(Optional.of(3), registry.promotedVersion("m"));
        assertTrue(registry.list("m").get(2).promoted());

        assertEquals(1, registry.rollback("m"));
        assertEquals(Optional.of(1), registry.promotedVersion("m"));
        assertEquals(1, registry.loadPromoted("m").orElseThrow().card().version());
    }

    @Test
    void rollbackWithoutAnEarlierPromotionIsRefused() {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        registry.promote("m", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.rollback("m"));
        assertTrue(e.getMessage().contains("no earlier promoted version"), e.getMessage());
    }

    @Test
    void truncatedWeightsAreRefused() throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        Path weights = root.resolve("m/v1/policy.bin");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CorruptArtefactException e = assertThrows(CorruptArtefactException.class, () -> registry.load("m", 1));
        assertTrue(e.getMessage().contains("policy.bin does not match its SHA-256"), e.getMessage());
    }

    @Test
    void tamperedWeightsAreRefusedEvenWhenTheChecksumFileIsUpdated() throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        Path dir = root.resolve("m/v1");
        byte[] bytes = Files.readAllBytes(dir.resolve("policy.bin"));
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(dir.resolve("policy.bin"), bytes);
        String sums = Files.readString(dir.resolve("SHA256SUMS"));
        String newSums = PolicyRegistry.sha256(bytes) + "  policy.bin\n" + sums.split("\n")[1] + "\n";
        Files.writeString(dir.resolve("SHA256SUMS"), newSums);

        CorruptArtefactException e = assertThrows(CorruptArtefactException.class, () -> registry.load("m", 1));
        assertTrue(e.getMessage().contains("does not match the one in the model card"), e.getMessage());
    }

    @Test
    void tamperedModelCardIsRefused() throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        Path card = root.resolve("m/v1/model-card.json");
        Files.writeString(card, Files.readString(card).replace("\"bc\"", "\"gail\""));

        CorruptArtefactException e = assertThrows(CorruptArtefactException.class, () -> registry.load("m", 1));
        assertTrue(e.getMessage().contains("model-card.json does not match its SHA-256"), e.getMessage());
    }

    @Test
    void missingFileIsReportedByName() throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        Files.delete(root.resolve("m/v1/SHA256SUMS"));
        CorruptArtefactException e = assertThrows(CorruptArtefactException.class, () -> registry.load("m", 1));
        assertTrue(e.getMessage().contains("SHA256SUMS is missing"), e.getMessage());
    }

    @Test
    void corruptVersionIsListedWithItsProblemAndCannotBePromoted() throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        register(registry, "m", 0.2f);
        Files.write(root.resolve("m/v2/policy.bin"), new byte[] {1, 2, 3});

        List<RegistryEntry> entries = registry.list("m");
        assertTrue(entries.get(0).problem().isEmpty());
        assertTrue(entries.get(1).problem().orElseThrow().contains("SHA-256"));
        assertThrows(CorruptArtefactException.class, () -> registry.promote("m", 2));
        assertEquals(Optional.empty(), registry.promotedVersion("m"));
    }

    @Test
    void unknownVersionAndInvalidModelNamesAreRejectedWithAMessage() {
        PolicyRegistry registry = new PolicyRegistry(root);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> registry.load("m", 4));
        assertTrue(missing.getMessage().contains("has no version 4"), missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> registry.load("../etc", 1));
        assertTrue(bad.getMessage().contains("model name"), bad.getMessage());
    }

    @Test
    void leftoverTemporaryDirectoryFromACrashedWriteIsIgnored() throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "m", 0.1f);
        Files.createDirectories(root.resolve("m/.tmp-crashed"));
        Files.write(root.resolve("m/.tmp-crashed/policy.bin"), new byte[] {9});

        ModelCard next = register(registry, "m", 0.2f);
        assertEquals(2, next.version());
        assertEquals(2, registry.list("m").size());
    }

    @Test
    void policyFileFromFormatVersionOneStillLoadsWithTheSameActions() throws IOException {
        // given: a policy file written by format version 1 and checked in as a fixture
        byte[] fixture;
        try (var in = getClass().getResourceAsStream("/fixtures/policy-format-v1.bin")) {
            fixture = in.readAllBytes();
        }
        // when
        Policy decoded = PolicyCodec.decode(fixture);
        // then: it acts as the policy it was written from
        Policy expected = policy(0.7f);
        float[][] states = {{0, 0, 0, 0}, {0.1f, -0.5f, 0.05f, 1f}, {-1, 0.3f, -0.1f, -2f}};
        for (float[] s : states) {
            assertArrayEquals(expected.actDeterministic(s), decoded.actDeterministic(s));
            assertEquals(expected.logProbability(s, new float[] {1}), decoded.logProbability(s, new float[] {1}), 1e-7);
        }
        assertFalse(decoded.observationSpace().contains(new float[] {5f, 0, 0, 0}), "bounds survived");
        assertEquals(new Box(expected.observationSpace().low(), expected.observationSpace().high()), decoded.observationSpace());
    }
}
