package dev.apprentice.il.spaces;

import java.util.random.RandomGenerator;

/**
 * The actions {@code 0 .. n-1}, for environments with a finite set of choices (push left/right,
 * the five lane-change meta-actions).
 *
 * @param n number of actions, at least 1
 */
public record Discrete(int n) implements Space {

    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete space needs at least 1 action, found n = " + n);
        }
    }

    @Override
    public int width() {
        return 1;
    }

    /** Returns the index held by a stored element, after validating it. */
    public int index(float[] value, String field) {
        validate(value, field);
        return (int) value[0];
    }

    /** Wraps an index as a stored element. */
    public float[] element(int index) {
        validateIndex(index, "action");
        return new float[] {index};
    }

    /** Checks that {@code index} names one of the {@code n} actions. */
    public void validateIndex(int index, String field) {
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException(
                    field + ": expected an action index in [0, " + (n - 1) + "], found " + index);
        }
    }

    @Override
    public void validate(float[] value, String field) {
        check(value, field, true);
    }

    @Override
    public void validateWithoutValues(float[] value, String field) {
        check(value, field, false);
    }

    private void check(float[] value, String field, boolean quoteValue) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": expected 1 value (an action index), found null");
        }
        if (value.length != 1) {
            throw new IllegalArgumentException(
                    field + ": expected 1 value (an action index), found " + value.length);
        }
        float v = value[0];
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(field + ": expected an action index, found " + v);
        }
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(field + ": expected a whole action index, found "
                    + (quoteValue ? v : "a fraction"));
        }
        if (quoteValue) {
            validateIndex((int) v, field);
        } else if (v < 0 || v >= n) {
            throw new IllegalArgumentException(
                    field + ": expected an action index in [0, " + (n - 1) + "], found one outside it");
        }
    }

    @Override
    public boolean contains(float[] value) {
        return value != null && value.length == 1 && Float.isFinite(value[0])
                && value[0] == Math.rint(value[0]) && value[0] >= 0 && value[0] < n;
    }

    @Override
    public float[] sample(RandomGenerator rng) {
        return new float[] {rng.nextInt(n)};
    }

    @Override
    public String describe() {
        return "Discrete(" + n + ")";
    }
}
