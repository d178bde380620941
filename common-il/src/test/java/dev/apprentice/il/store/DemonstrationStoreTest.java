package dev.apprentice.il.store;

import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemonstrationStoreTest {

    private static final Box STATES = Box.uniform(2, -10, 10);

    @TempDir
    Path dir;

    @Test
    void storesStepsDurablyAndReadsThemBackAsTrajectories() {
        // given: an episode ended by the environment with a final state, and one cut by a time limit
        Path discreteDir = dir.resolve("discrete");
        Path continuousDir = dir.resolve("continuous");
        try (DemonstrationStore store = DemonstrationStore.open(discreteDir)) {
            ExpertSteps.append(store, ExpertSteps.episode("lane-change", "alice", "e1", 3, T0, 2, true, true, false,
                    new float[] {9, -9}), "demos", 0, 0);
            ExpertSteps.append(store, ExpertSteps.episode("lane-change", "alice", "e2", 2, T0.plusSeconds(60), 2, true,
                    true, true, null), "demos", 0, 3);
        }
        try (DemonstrationStore store = DemonstrationStore.open(continuousDir)) {
            ExpertSteps.append(store, ExpertSteps.episode("arm", "bob", "c1", 4, T0, 2, false, true, false, null),
                    "arm-demos", 2, 100);
        }

        // when: both stores are opened again and read
        StoredDemonstrations discrete;
        StoredDemonstrations continuous;
        try (DemonstrationStore store = DemonstrationStore.open(discreteDir)) {
            discrete = store.read(STATES, new Discrete(3), StoreQuery.all());
        }
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(continuousDir)) {
            continuous = store.read(STATES, Box.uniform(2, -1, 1), StoreQuery.all());
        }

        // then
        assertEquals(2, discrete.episodes());
        assertEquals(5, discrete.demonstrations().size());
        Trajectory ended = discrete.trajectories().get(0);
        assertEquals(3, ended.length());
        assertArrayEquals(new float[] {2, -2}, ended.state(2));
        assertArrayEquals(new float[] {9, -9}, ended.state(3), "the terminal step's final state closes the episode");
        assertArrayEquals(new float[] {2}, ended.action(2));
        assertTrue(ended.terminated());
        Trajectory cut = discrete.trajectories().get(1);
        assertEquals(2, cut.length());
        assertArrayEquals(cut.state(1), cut.state(2), "without a final state the last state is repeated");
        assertFalse(cut.terminated(), "a time-limited episode did not terminate");
        Trajectory arm = continuous.trajectories().get(0);
        assertEquals(4, arm.length());
        assertArrayEquals(new float[] {0.3f, -0.3f}, arm.action(3));
        assertArrayEquals(arm.state(3), arm.state(4));
        assertTrue(arm.terminated());
    }
}
