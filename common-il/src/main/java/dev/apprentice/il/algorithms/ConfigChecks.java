package dev.apprentice.il.algorithms;

import dev.apprentice.il.policy.Activation;

/**
 * The validations every algorithm's configuration repeats, each failing with an
 * {@link IllegalArgumentException} that names the setting, what was found and what was expected.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    /** An integer of at least {@code min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": expected at least " + min + ", found " + value);
        }
        return value;
    }

    /** An integer in [{@code min}, {@code max}]. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": expected a value in [" + min + ", " + max + "], found " + value);
        }
        return value;
    }

    /** A finite number greater than 0. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": expected a finite value > 0, found " + value);
        }
        return value;
    }

    /** A finite number of at least 0. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": expected a finite value >= 0, found " + value);
        }
        return value;
    }

    /** A number in [{@code min}, {@code max}]. */
    public static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + ": expected a value in [" + bound(min) + ", " + bound(max)
                    + "], found " + value);
        }
        return value;
    }

    /** Whole bounds read as such: "[0, 1]" rather than "[0.0, 1.0]". */
    private static String bound(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A non-null value. */
    public static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": a value is required, found null");
        }
        return value;
    }

    /**
     * The largest minibatch any trainer accepts: far above useful sizes, and small enough that
     * a minibatch's buffers (rows × widths) stay allocatable.
     */
    public static final int MAX_BATCH_SIZE = 1_000_000;

    /** A minibatch size in [1, {@value #MAX_BATCH_SIZE}]. */
    public static int batchSize(String name, int value) {
        atLeast(name, value, 1);
        if (value > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(name + ": expected at most " + MAX_BATCH_SIZE + ", found " + value);
        }
        return value;
    }

    /** One or more hidden-layer widths, each in [1, 4096]; returns a copy. */
    public static int[] hiddenSizes(String name, int[] sizes) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least 1 hidden layer, found none");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i] > 4096) {
                throw new IllegalArgumentException(name + "[" + i + "]: expected a width in [1, 4096], found " + sizes[i]);
            }
        }
        return sizes.clone();
    }

    /** A hidden-layer non-linearity: tanh or relu. */
    public static Activation hiddenActivation(String name, Activation activation) {
        if (activation == null || activation == Activation.IDENTITY) {
            throw new IllegalArgumentException(name + ": expected tanh or relu, found " + activation);
        }
        return activation;
    }
}
