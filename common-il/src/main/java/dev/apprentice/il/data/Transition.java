package dev.apprentice.il.data;

import java.util.Arrays;

/**
 * One expert decision: the state the expert saw and the action it took. The arrays are copied
 * in and out, so a transition never changes after construction.
 */
public record Transition(float[] state, float[] action) {

    public Transition {
        if (state == null || state.length == 0) {
            throw new IllegalArgumentException("transition state: expected at least 1 value, found "
                    + (state == null ? "null" : "0"));
        }
        if (action == null || action.length == 0) {
            throw new IllegalArgumentException("transition action: expected at least 1 value, found "
                    + (action == null ? "null" : "0"));
        }
        state = state.clone();
        action = action.clone();
    }

    @Override
    public float[] state() {
        return state.clone();
    }

    @Override
    public float[] action() {
        return action.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transition t && Arrays.equals(state, t.state) && Arrays.equals(action, t.action);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(state) + Arrays.hashCode(action);
    }

    /** The widths of the vectors, never their values: demonstrations may be personal data. */
    @Override
    public String toString() {
        return "Transition(state=" + state.length + " floats, action=" + action.length + " floats)";
    }
}
