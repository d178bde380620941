package dev.apprentice.phonesecurity.behaviour;

import dev.apprentice.il.spaces.Box;
import java.util.Arrays;

/**
 * The layout of one behaviour sample, the action a of the owner's policy: 30 typing timings of the
 * 8-digit entry task (milliseconds) followed by 112 motion-sensor statistics (mean, standard
 * deviation, skewness and kurtosis of 7 sensors' axes), as in the Hold-and-Tap data (Buriro et al.
 * 2021). Real and synthetic users share it, so one service handles both. The bounds are loose
 * plausibility limits, not a model of behaviour: they keep garbage (a clock jump, a broken sensor
 * driver) out of training while accepting every row of the real data, whose timings are sometimes
 * negative.
 */
public final class BehaviourLayout {

    /** Typing-timing features per sample. */
    public static final int TOUCH = 30;
    /** Motion-sensor features per sample. */
    public static final int SENSOR = 112;
    /** All features: touch first, then sensor. */
    public static final int FEATURES = TOUCH + SENSOR;

    /** The smallest typing timing accepted, ms (overlapping key presses make some intervals negative). */
    public static final float MIN_TIMING_MS = -10_000f;
    /** The largest typing timing accepted, ms: ten minutes. */
    public static final float MAX_TIMING_MS = 600_000f;
    /** The largest magnitude of a motion-sensor statistic accepted. */
    public static final float MAX_SENSOR_MAGNITUDE = 1e6f;

    private static final Box SPACE;

    static {
        float[] low = new float[FEATURES];
        float[] high = new float[FEATURES];
        Arrays.fill(low, 0, TOUCH, MIN_TIMING_MS);
        Arrays.fill(high, 0, TOUCH, MAX_TIMING_MS);
        Arrays.fill(low, TOUCH, FEATURES, -MAX_SENSOR_MAGNITUDE);
        Arrays.fill(high, TOUCH, FEATURES, MAX_SENSOR_MAGNITUDE);
        SPACE = new Box(low, high);
    }

    private BehaviourLayout() {
    }

    /** The action space: every feature within its bounds. */
    public static Box space() {
        return SPACE;
    }

    /** The name of feature {@code index} in messages, e.g. {@code touch[3]} or {@code sensor[0]}. */
    public static String featureName(int index) {
        return index < TOUCH ? "touch[" + index + "]" : "sensor[" + (index - TOUCH) + "]";
    }

    /**
     * Checks a full sample's features: {@value #FEATURES} values, all finite and within bounds.
     * Messages name the feature but never its value, which is personal data.
     *
     * @throws IllegalArgumentException naming the first offending feature
     */
    public static void requireValid(float[] features) {
        if (features == null || features.length != FEATURES) {
            throw new IllegalArgumentException("features: expected " + FEATURES + " values (" + TOUCH + " touch, " + SENSOR
                    + " sensor), found " + (features == null ? "null" : features.length));
        }
        for (int i = 0; i < FEATURES; i++) {
            float v = features[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(featureName(i) + ": expected a finite number, found NaN or infinity");
            }
            if (v < SPACE.low(i) || v > SPACE.high(i)) {
                throw new IllegalArgumentException(featureName(i) + (i < TOUCH
                        ? ": expected a timing in [" + (int) MIN_TIMING_MS + ", " + (int) MAX_TIMING_MS + "] ms"
                        : ": expected a statistic within ±" + (long) MAX_SENSOR_MAGNITUDE) + ", found one outside");
            }
        }
    }
}
