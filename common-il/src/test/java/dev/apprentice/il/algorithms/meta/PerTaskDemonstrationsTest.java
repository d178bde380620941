package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerTaskDemonstrationsTest {

    private static final Box STATES = new Box(new float[] {-100}, new float[] {100});
    private static final Discrete ACTIONS = new Discrete(3);

    /** A task whose sample i has state {@code offset + i}, so that every sample is recognisable. */
    static DemonstrationSet task(float offset, int samples, int action) {
        float[] states = new float[samples + 1];
        float[] actions = new float[samples];
        for (int i = 0; i <= samples; i++) {
            states[i] = offset + i;
        }
        java.util.Arrays.fill(actions, action);
        return DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(new Trajectory(1, 1, states, actions, null, true)));
    }

    @Test
    void supportAndQueryComeFromOneTaskAndNeverShareASample() {
        // given
        PerTaskDemonstrations tasks = PerTaskDemonstrations.of(Map.of("alice", task(0, 20, 0), "bob", task(50, 20, 1)));
        SplittableRandom rng = new SplittableRandom(3);

        for (int draw = 0; draw < 200; draw++) {
            // when
            DemonstrationTasks.TaskBatch batch = tasks.sample(rng, 8, 12);

            // then
            Set<Float> seen = new HashSet<>();
            float expectedAction = batch.task().equals("alice") ? 0 : 1;
            for (DemonstrationTasks.Shots shots : List.of(batch.support(), batch.query())) {
                for (int i = 0; i < shots.rows(); i++) {
                    assertTrue(seen.add(shots.states()[i]), "sample drawn twice: " + shots.states()[i]);
                    assertEquals(expectedAction, shots.actions()[i], "a sample of another task");
                }
            }
            assertEquals(20, seen.size());
        }
    }

    @Test
    void drawsEveryTaskAboutEquallyOften() {
        // given
        Map<String, DemonstrationSet> byTask = new LinkedHashMap<>();
        for (int t = 0; t < 4; t++) {
            byTask.put("user-" + t, task(t * 25, 5 + 5 * t, t % 3));
        }
        PerTaskDemonstrations tasks = PerTaskDemonstrations.of(byTask);
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, Integer> counts = new HashMap<>();

        // when
        for (int draw = 0; draw < 4000; draw++) {
            counts.merge(tasks.sample(rng, 2, 3).task(), 1, Integer::sum);
        }

        // then: uniform over tasks, not over samples (user-3 holds 4 times user-0's samples)
        for (int count : counts.values()) {
            assertEquals(1000, count, 120);
        }
        assertEquals(5, tasks.smallestTaskSize());
    }

    @Test
    void refusesDrawsLargerThanTheSmallestTask() {
        PerTaskDemonstrations tasks = PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0), "b", task(10, 30, 0)));
        assertRejected(() -> tasks.sample(new SplittableRandom(1), 4, 3),
                "together at most 6 (the smallest task), found 4 + 3");
    }

    @Test
    void refusesFewerThanTwoTasksTinyTasksAndMixedSpaces() {
        assertRejected(() -> PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0))), "expected at least 2 tasks, found 1");
        assertRejected(() -> PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0), "b", task(0, 1, 0))),
                "task 'b' has 1 sample(s), expected at least 2");
        DemonstrationSet otherActions = DemonstrationSet.fromTrajectories(STATES, new Discrete(4),
                List.of(new Trajectory(1, 1, new float[] {0, 1, 2}, new float[] {3, 3}, null, true)));
        assertRejected(() -> PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0), "b", otherActions)),
                "task 'b' has states in");
    }

    @Test
    void fingerprintFollowsTheData() {
        PerTaskDemonstrations one = PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0), "b", task(10, 6, 1)));
        PerTaskDemonstrations same = PerTaskDemonstrations.of(new LinkedHashMap<>(Map.of("b", task(10, 6, 1), "a", task(0, 6, 0))));
        PerTaskDemonstrations renamed = PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0), "c", task(10, 6, 1)));
        PerTaskDemonstrations changed = PerTaskDemonstrations.of(Map.of("a", task(0, 6, 0), "b", task(10, 6, 2)));

        assertEquals(one.fingerprint(), same.fingerprint());
        assertNotEquals(one.fingerprint(), renamed.fingerprint());
        assertNotEquals(one.fingerprint(), changed.fingerprint());
    }
}
