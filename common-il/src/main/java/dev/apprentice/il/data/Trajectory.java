package dev.apprentice.il.data;

import java.util.List;

/**
 * One episode: {@code T + 1} states, {@code T} actions and {@code T} rewards, stored flat. The
 * final state is the one reached after the last action; {@link #terminated()} says whether the
 * episode ended because the environment said so (a fall, a crash) rather than by a time limit.
 * Rewards are kept for evaluation only; imitation never trains on them.
 */
public final class Trajectory {

    private final int stateWidth;
    private final int actionWidth;
    private final float[] states;
    private final float[] actions;
    private final float[] rewards;
    private final boolean terminated;

    /**
     * @param stateWidth floats per state
     * @param actionWidth floats per action
     * @param states {@code (T + 1) * stateWidth} floats, row after row
     * @param actions {@code T * actionWidth} floats
     * @param rewards {@code T} floats, or null when the source recorded none (they are then zero)
     * @param terminated whether the episode ended in a terminal state
     */
    public Trajectory(int stateWidth, int actionWidth, float[] states, float[] actions, float[] rewards,
            boolean terminated) {
        if (stateWidth < 1 || actionWidth < 1) {
            throw new IllegalArgumentException("trajectory: state and action widths must be at least 1, found "
                    + stateWidth + " and " + actionWidth);
        }
        if (states == null || actions == null) {
            throw new IllegalArgumentException("trajectory: states and actions must not be null");
        }
        if (states.length % stateWidth != 0) {
            throw new IllegalArgumentException("trajectory: " + states.length
                    + " state floats is not a whole number of states of width " + stateWidth);
        }
        if (actions.length % actionWidth != 0) {
            throw new IllegalArgumentException("trajectory: " + actions.length
                    + " action floats is not a whole number of actions of width " + actionWidth);
        }
        int stateCount = states.length / stateWidth;
        int actionCount = actions.length / actionWidth;
        if (stateCount != actionCount + 1) {
            throw new IllegalArgumentException("trajectory: expected one more state than actions: "
                    + stateCount + " != " + actionCount + " + 1");
        }
        if (rewards != null && rewards.length != actionCount) {
            throw new IllegalArgumentException("trajectory: expected one reward per action: "
                    + rewards.length + " != " + actionCount);
        }
        this.stateWidth = stateWidth;
        this.actionWidth = actionWidth;
        this.states = states.clone();
        this.actions = actions.clone();
        this.rewards = rewards == null ? new float[actionCount] : rewards.clone();
        this.terminated = terminated;
    }

    /** Builds a trajectory from per-step arrays, checking that every row has the same width. */
    public static Trajectory of(List<float[]> states, List<float[]> actions, float[] rewards, boolean terminated) {
        if (states == null || states.isEmpty() || actions == null) {
            throw new IllegalArgumentException("trajectory: expected at least 1 state and a list of actions");
        }
        int sw = states.get(0).length;
        int aw = actions.isEmpty() ? 1 : actions.get(0).length;
        return new Trajectory(sw, aw, flatten(states, sw, "state"), flatten(actions, aw, "action"), rewards,
                terminated);
    }

    private static float[] flatten(List<float[]> rows, int width, String what) {
        float[] flat = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            float[] row = rows.get(i);
            if (row == null || row.length != width) {
                throw new IllegalArgumentException("trajectory: " + what + " " + i + " has "
                        + (row == null ? "no" : String.valueOf(row.length)) + " values, expected " + width);
            }
            System.arraycopy(row, 0, flat, i * width, width);
        }
        return flat;
    }

    /** Number of actions taken, {@code T}. */
    public int length() {
        return actions.length / actionWidth;
    }

    public int stateWidth() {
        return stateWidth;
    }

    public int actionWidth() {
        return actionWidth;
    }

    /** State {@code t}, for {@code 0 <= t <= T}. */
    public float[] state(int t) {
        checkIndex(t, length() + 1, "state");
        float[] s = new float[stateWidth];
        System.arraycopy(states, t * stateWidth, s, 0, stateWidth);
        return s;
    }

    /** Action {@code t}, for {@code 0 <= t < T}. */
    public float[] action(int t) {
        checkIndex(t, length(), "action");
        float[] a = new float[actionWidth];
        System.arraycopy(actions, t * actionWidth, a, 0, actionWidth);
        return a;
    }

    /** Reward received after action {@code t}. */
    public float reward(int t) {
        checkIndex(t, length(), "reward");
        return rewards[t];
    }

    /** Sum of rewards, the episode return used in evaluation. */
    public double totalReward() {
        double sum = 0;
        for (float r : rewards) {
            sum += r;
        }
        return sum;
    }

    public boolean terminated() {
        return terminated;
    }

    /** All {@code T + 1} states, row after row (a copy). */
    public float[] states() {
        return states.clone();
    }

    /** All {@code T} actions, row after row (a copy). */
    public float[] actions() {
        return actions.clone();
    }

    /** Copies the {@code T} decision states (all but the last) into {@code dest} at {@code offset}. */
    void copyDecisionStates(float[] dest, int offset) {
        System.arraycopy(states, 0, dest, offset, length() * stateWidth);
    }

    /** Copies all actions into {@code dest} at {@code offset}. */
    void copyActions(float[] dest, int offset) {
        System.arraycopy(actions, 0, dest, offset, actions.length);
    }

    private static void checkIndex(int t, int size, String what) {
        if (t < 0 || t >= size) {
            throw new IndexOutOfBoundsException(what + " index " + t + " outside [0, " + size + ")");
        }
    }
}
