package dev.apprentice.il.data;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    /** {@code steps} actions of width 1 with states of width 2: state t is (t, -t), action t is t % 2. */
    private static Trajectory walk(int steps) {
        float[] states = new float[(steps + 1) * 2];
        for (int t = 0; t <= steps; t++) {
            states[2 * t] = t;
            states[2 * t + 1] = -t;
        }
        float[] actions = new float[steps];
        float[] rewards = new float[steps];
        for (int t = 0; t < steps; t++) {
            actions[t] = t % 2;
            rewards[t] = 0.5f * t;
        }
        return new Trajectory(2, 1, states, actions, rewards, true);
    }

    @Test
    void exposesStatesActionsAndRewardsByStep() {
        Trajectory trajectory = walk(4);

        assertEquals(4, trajectory.length());
        assertEquals(2, trajectory.stateWidth());
        assertEquals(1, trajectory.actionWidth());
        assertArrayEquals(new float[] {4, -4}, trajectory.state(4));
        assertArrayEquals(new float[] {1}, trajectory.action(3));
        assertEquals(1.5f, trajectory.reward(3));
        assertEquals(0 + 0.5 + 1.0 + 1.5, trajectory.totalReward(), 1e-9);
        assertTrue(trajectory.terminated());
    }

    @Test
    void rejectsTrajectoryWithAsManyStatesAsActions() {
        assertRejected(() -> new Trajectory(1, 1, new float[10], new float[10], null, false),
                "expected one more state than actions: 10 != 10 + 1");
    }

    @Test
    void rejectsTrajectoryWithTwoMoreStatesThanActions() {
        assertRejected(() -> new Trajectory(2, 1, new float[24], new float[10], null, false),
                "expected one more state than actions: 12 != 10 + 1");
    }

    @Test
    void rejectsRewardsThatDoNotMatchTheActions() {
        assertRejected(() -> new Trajectory(1, 1, new float[11], new float[10], new float[9], false),
                "expected one reward per action: 9 != 10");
    }

    @Test
    void rejectsWidthsBelowOne() {
        assertRejected(() -> new Trajectory(0, 1, new float[1], new float[0], null, false),
                "widths must be at least 1, found 0 and 1");
        assertRejected(() -> new Trajectory(3, 0, new float[3], new float[0], null, false),
                "widths must be at least 1, found 3 and 0");
    }

    @Test
    void rejectsNullStatesOrActions() {
        assertRejected(() -> new Trajectory(1, 1, null, new float[0], null, false), "states and actions must not be null");
        assertRejected(() -> new Trajectory(1, 1, new float[1], null, null, false), "states and actions must not be null");
    }

    @Test
    void rejectsFlatArraysThatAreNotWholeRows() {
        assertRejected(() -> new Trajectory(2, 1, new float[7], new float[3], null, false),
                "7 state floats is not a whole number of states of width 2");
        assertRejected(() -> new Trajectory(1, 2, new float[4], new float[5], null, false),
                "5 action floats is not a whole number of actions of width 2");
    }

    @Test
    void missingRewardsAreZero() {
        Trajectory trajectory = new Trajectory(1, 1, new float[] {0, 1, 2}, new float[] {0, 1}, null, false);

        assertEquals(0f, trajectory.reward(1));
        assertEquals(0.0, trajectory.totalReward());
        assertFalse(trajectory.terminated());
    }

    @Test
    void copiesItsInputsAndItsOutputs() {
        float[] states = {0, 1};
        float[] actions = {3};
        float[] rewards = {2};
        Trajectory trajectory = new Trajectory(1, 1, states, actions, rewards, false);

        states[0] = 99;
        actions[0] = 99;
        rewards[0] = 99;
        trajectory.state(0)[0] = 42;

        assertArrayEquals(new float[] {0}, trajectory.state(0));
        assertArrayEquals(new float[] {3}, trajectory.action(0));
        assertEquals(2f, trajectory.reward(0));
    }

    @Test
    void rejectsStepIndexOutsideTheEpisode() {
        Trajectory trajectory = walk(10);

        IndexOutOfBoundsException state = assertThrows(IndexOutOfBoundsException.class, () -> trajectory.state(11));
        IndexOutOfBoundsException action = assertThrows(IndexOutOfBoundsException.class, () -> trajectory.action(10));
        IndexOutOfBoundsException reward = assertThrows(IndexOutOfBoundsException.class, () -> trajectory.reward(-1));

        assertTrue(state.getMessage().contains("state index 11 outside [0, 11)"), state.getMessage());
        assertTrue(action.getMessage().contains("action index 10 outside [0, 10)"), action.getMessage());
        assertTrue(reward.getMessage().contains("reward index -1 outside [0, 10)"), reward.getMessage());
    }

    @Test
    void buildsFromPerStepRows() {
        Trajectory trajectory = Trajectory.of(List.of(new float[] {1, 2}, new float[] {3, 4}), List.of(new float[] {0.5f}),
                new float[] {-1}, true);

        assertEquals(1, trajectory.length());
        assertArrayEquals(new float[] {3, 4}, trajectory.state(1));
        assertArrayEquals(new float[] {0.5f}, trajectory.action(0));
        assertEquals(-1f, trajectory.reward(0));
    }

    @Test
    void rejectsPerStepRowsOfDifferentWidths() {
        assertRejected(() -> Trajectory.of(List.of(new float[2], new float[2], new float[3]),
                List.of(new float[1], new float[1]), null, false), "state 2 has 3 values, expected 2");
        assertRejected(() -> Trajectory.of(List.of(new float[2], new float[2], new float[2]),
                java.util.Arrays.asList(new float[1], null), null, false), "action 1 has no values, expected 1");
    }

    @Test
    void rejectsPerStepRowsWithoutStates() {
        assertRejected(() -> Trajectory.of(List.of(), List.of(), null, false), "expected at least 1 state");
    }

    @Test
    void perStepRowsStillNeedOneMoreStateThanActions() {
        assertRejected(() -> Trajectory.of(List.of(new float[1]), List.of(new float[1]), null, false),
                "expected one more state than actions: 1 != 1 + 1");
    }
}
