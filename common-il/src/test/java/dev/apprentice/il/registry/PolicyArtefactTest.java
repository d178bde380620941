package dev.apprentice.il.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyArtefactTest {

    @TempDir
    Path root;

    @BeforeAll
    static void recordDemonstrations() {
        PolicyRegistryTest.recordDemonstrations();
    }

    @Test
    void aRegisteredVersionSurvivesTheTripAsAnArtefactWithIdenticalActions() {
        PolicyRegistry registry = new PolicyRegistry(root);
        Policy policy = PolicyRegistryTest.policy(0.7f);
        ModelCard card = registry.register(policy, PolicyRegistryTest.draft("cartpole-bc", policy));

        LoadedPolicy back = PolicyArtefact.decode(registry.artefact("cartpole-bc", card.version()));

        assertEquals(registry.load("cartpole-bc", card.version()).card(), back.card());
        float[] observation = {0.1f, -0.2f, 0.03f, 0.4f};
        assertArrayEquals(policy.distribution(observation).mode(), back.policy().distribution(observation).mode());
    }

    @Test
    void everyFlippedByteTruncationAndRandomMessageIsRefusedWithAReason() {
        PolicyRegistry registry = new PolicyRegistry(root);
        Policy policy = PolicyRegistryTest.policy(0.3f);
        ModelCard card = registry.register(policy, PolicyRegistryTest.draft("cartpole-bc", policy));
        byte[] artefact = registry.artefact("cartpole-bc", card.version());
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            byte[] flipped = artefact.clone();
            flipped[rng.nextInt(flipped.length)] ^= (byte) (1 << rng.nextInt(8));
            byte[] truncated = java.util.Arrays.copyOf(artefact, rng.nextInt(artefact.length));
            byte[] random = new byte[rng.nextInt(1, 4096)];
            rng.nextBytes(random);
            for (byte[] bad : List.of(flipped, truncated, random)) {
                CorruptArtefactException e = assertThrows(CorruptArtefactException.class, () -> PolicyArtefact.decode(bad));
                assertTrue(e.getMessage().startsWith("policy artefact"), e.getMessage());
            }
        }
    }

    @Test
    void theRegistryTellsWhatARollbackWouldReturnTo() {
        PolicyRegistry registry = new PolicyRegistry(root);
        Policy policy = PolicyRegistryTest.policy(0.5f);
        for (int i = 0; i < 3; i++) {
            registry.register(policy, PolicyRegistryTest.draft("cartpole-bc", policy));
        }
        assertTrue(registry.rollbackTarget("cartpole-bc").isEmpty());
        registry.promote("cartpole-bc", 1);
        registry.promote("cartpole-bc", 3);
        assertEquals(1, registry.rollbackTarget("cartpole-bc").orElseThrow());
        assertEquals(List.of(1, 3), registry.promotionStack("cartpole-bc"));
        assertTrue(registry.exists("cartpole-bc", 2));
        assertTrue(!registry.exists("cartpole-bc", 4));
    }
}
