package dev.apprentice.il.store;

import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the stores of several ingesting replicas as one: an episode whose partition moved
 * between replicas mid-episode is whole again, a step stored by both counts once, and the
 * provenance covers both stores' records.
 */
class ReadTogetherTest {

    private static final Box STATES = Box.uniform(2, -10, 10);
    private static final Discrete ACTIONS = new Discrete(3);
    private static final String TOPIC = "lane-change.demonstrations";

    @TempDir
    Path root;

    @Test
    void anEpisodeSplitBetweenTwoReplicasStoresIsReadWholeOnce() {
        List<ExpertStep> split = ExpertSteps.ended("alice", "e1", 10, T0);
        List<ExpertStep> whole = ExpertSteps.ended("bob", "e1", 6, T0.plusSeconds(60));
        try (DemonstrationStore a = DemonstrationStore.open(root.resolve("a"));
                DemonstrationStore b = DemonstrationStore.open(root.resolve("b"))) {
            // replica A stored alice's steps 0-5 and bob's episode; its partition then moved to B, which read 5-9
            ExpertSteps.append(a, split.subList(0, 6), TOPIC, 0, 0);
            ExpertSteps.append(a, whole, TOPIC, 1, 0);
            a.flush();
            ExpertSteps.append(b, split.subList(5, 10), TOPIC, 0, 5);
            b.flush();

            StoredDemonstrations own = a.read(STATES, ACTIONS, StoreQuery.all());
            assertEquals(1, own.episodes(), "alone, A has bob's episode and half of alice's");

            try (DemonstrationStore peer = DemonstrationStore.openReadOnly(root.resolve("b"))) {
                StoredDemonstrations together = DemonstrationStore.readTogether(List.of(a, peer), STATES, ACTIONS,
                        StoreQuery.all());
                assertEquals(2, together.episodes());
                assertEquals(16, together.demonstrations().size(), "step 5, stored by both, is read once");
                assertEquals(root.resolve("a").toAbsolutePath(), together.store());
                long records = together.provenance().stream().mapToLong(OffsetRange::records).sum();
                assertEquals(16, records);
            }
        }
    }

    @Test
    void readingNoStoresOrNothingMatchingIsRefusedNamingTheStores() {
        assertThrows(IllegalArgumentException.class, () -> DemonstrationStore.readTogether(List.of(), STATES,
                ACTIONS, StoreQuery.all()));
        try (DemonstrationStore a = DemonstrationStore.open(root.resolve("x"));
                DemonstrationStore b = DemonstrationStore.open(root.resolve("y"))) {
            IllegalStateException none = assertThrows(IllegalStateException.class, () -> DemonstrationStore
                    .readTogether(List.of(a, b), STATES, ACTIONS, StoreQuery.all()));
            assertTrue(none.getMessage().startsWith("stores ") && none.getMessage().contains("they hold 0 episodes"),
                    none.getMessage());
        }
    }
}
