package dev.apprentice.il.spaces;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A box of real vectors {@code low[i] <= x[i] <= high[i]}; bounds may be infinite for quantities
 * such as velocities. Values must always be finite: NaN and infinity are rejected.
 */
public final class Box implements Space {

    private final float[] low;
    private final float[] high;

    /**
     * @param low lower bounds, one per dimension (may be {@code -Infinity})
     * @param high upper bounds, same length (may be {@code +Infinity})
     */
    public Box(float[] low, float[] high) {
        if (low == null || high == null) {
            throw new IllegalArgumentException("Box needs lower and upper bounds, found null");
        }
        if (low.length == 0) {
            throw new IllegalArgumentException("Box needs at least 1 dimension, found 0");
        }
        if (low.length != high.length) {
            throw new IllegalArgumentException("Box bounds must have the same length: low has "
                    + low.length + ", high has " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (Float.isNaN(low[i]) || Float.isNaN(high[i])) {
                throw new IllegalArgumentException("Box bound at index " + i + " is NaN");
            }
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("Box bound at index " + i + ": low " + low[i]
                        + " is greater than high " + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** A box with the same bounds in every one of {@code dimension} dimensions. */
    public static Box uniform(int dimension, float low, float high) {
        if (dimension < 1) {
            throw new IllegalArgumentException("Box needs at least 1 dimension, found " + dimension);
        }
        float[] lo = new float[dimension];
        float[] hi = new float[dimension];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    /** A box without bounds: any finite vector of the right dimension. */
    public static Box unbounded(int dimension) {
        return uniform(dimension, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    }

    /** Number of dimensions. */
    public int dimension() {
        return low.length;
    }

    @Override
    public int width() {
        return low.length;
    }

    /** Lower bound of dimension {@code i}. */
    public float low(int i) {
        return low[i];
    }

    /** Upper bound of dimension {@code i}. */
    public float high(int i) {
        return high[i];
    }

    /** A copy of the lower bounds. */
    public float[] low() {
        return low.clone();
    }

    /** A copy of the upper bounds. */
    public float[] high() {
        return high.clone();
    }

    /** True when every bound is finite, as squashing an action into the box requires. */
    public boolean isBounded() {
        for (int i = 0; i < low.length; i++) {
            if (!Float.isFinite(low[i]) || !Float.isFinite(high[i])) {
                return false;
            }
        }
        return true;
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
            throw new IllegalArgumentException(field + ": expected " + low.length + " values, found null");
        }
        if (value.length != low.length) {
            throw new IllegalArgumentException(
                    field + ": expected " + low.length + " values, found " + value.length);
        }
        for (int i = 0; i < value.length; i++) {
            float v = value[i];
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a number, found NaN");
            }
            if (Float.isInfinite(v)) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a finite number, found " + v);
            }
            if (v < low[i] || v > high[i]) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a value in ["
                        + low[i] + ", " + high[i] + "], found " + (quoteValue ? v : "one outside it"));
            }
        }
    }

    @Override
    public boolean contains(float[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (!Float.isFinite(value[i]) || value[i] < low[i] || value[i] > high[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Uniform over the box; an infinite bound is replaced by a unit-scale range around the finite
     * side (or around 0), since a uniform draw over an unbounded interval does not exist.
     */
    @Override
    public float[] sample(RandomGenerator rng) {
        float[] x = new float[low.length];
        for (int i = 0; i < x.length; i++) {
            double lo = Float.isFinite(low[i]) ? low[i] : (Float.isFinite(high[i]) ? high[i] - 1 : -1);
            double hi = Float.isFinite(high[i]) ? high[i] : lo + (Float.isFinite(low[i]) ? 1 : 2);
            x[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return x;
    }

    /**
     * Clips each component into the box.
     *
     * @throws IllegalArgumentException when the vector has the wrong dimension or a NaN
     */
    public float[] clip(float[] value) {
        if (value == null || value.length != low.length) {
            throw new IllegalArgumentException("clip: expected " + low.length + " values, found "
                    + (value == null ? "null" : String.valueOf(value.length)));
        }
        float[] out = new float[value.length];
        for (int i = 0; i < value.length; i++) {
            if (Float.isNaN(value[i])) {
                throw new IllegalArgumentException("clip: value at index " + i + " is NaN");
            }
            out[i] = Math.max(low[i], Math.min(high[i], value[i]));
        }
        return out;
    }

    @Override
    public String describe() {
        return "Box(" + low.length + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
