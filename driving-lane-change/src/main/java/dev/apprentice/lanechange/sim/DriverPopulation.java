package dev.apprentice.lanechange.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A population of simulated drivers, each with their own IDM and MOBIL settings drawn from a
 * continuum, so that per-driver adaptation meets drivers it has never seen rather than one of the
 * three built-in styles again. Driver {@code k} is named {@code driver-k}; the name becomes the
 * style label and, as {@code sim-driver-k}, the demonstrations' source, which groups a driver's
 * episodes into one meta-learning task.
 *
 * <p>Each setting is uniform over a range that spans the built-in styles and the literature values
 * in the domain notes ({@code shared/domains/lane-change.md}): desired speed v0 22–32 m/s (highway-env's
 * 30 m/s limit and the cautious style's 25 m/s inside; with target speeds of 20, 25 and 30 m/s it
 * decides which of them a driver aims for), time headway T 1–2 s (the styles' range around the
 * literature's 1.5 s), politeness p 0–0.5 and threshold Δa_th 0.1–0.4 m/s² (Kesting, Treiber and
 * Helbing 2007, as the notes cite), safe deceleration b_safe 1.5–4 m/s² (the styles' 1.5–3 up to
 * the literature's 4) and keep-right bias 0–0.4 m/s² (around the literature's ~0.2). a_max 3 m/s²,
 * b 5 m/s², the 5 m jam gap and δ 4 stay highway-env's, as in the built-in styles.
 */
public final class DriverPopulation {

    /** Drivers in the population: ids 0 to {@code SIZE − 1}. */
    public static final int SIZE = 64;
    /** Name prefix of population drivers. */
    public static final String PREFIX = "driver-";

    static final double[] DESIRED_SPEED = {22, 32};
    static final double[] TIME_HEADWAY = {1.0, 2.0};
    static final double[] POLITENESS = {0, 0.5};
    static final double[] THRESHOLD = {0.1, 0.4};
    static final double[] SAFE_DECELERATION = {1.5, 4.0};
    static final double[] RIGHT_BIAS = {0, 0.4};

    /** Fixes the population: driver k's settings come from this seed and k alone. */
    private static final long POPULATION_SEED = 0x5EED_D41FL;

    private DriverPopulation() {
    }

    /**
     * Driver {@code id}'s style, the same on every call and machine.
     *
     * @throws IllegalArgumentException for an id outside 0 to {@link #SIZE} − 1
     */
    public static DriverStyle driver(int id) {
        if (id < 0 || id >= SIZE) {
            throw new IllegalArgumentException("driver id: expected 0 to " + (SIZE - 1) + ", found " + id);
        }
        SplittableRandom rng = new SplittableRandom(POPULATION_SEED + id * 0x9E3779B97F4A7C15L);
        double v0 = draw(rng, DESIRED_SPEED);
        double t = draw(rng, TIME_HEADWAY);
        double p = draw(rng, POLITENESS);
        double threshold = draw(rng, THRESHOLD);
        double safe = draw(rng, SAFE_DECELERATION);
        double bias = draw(rng, RIGHT_BIAS);
        return new DriverStyle(PREFIX + id, new IdmModel(3.0, 5.0, t, 5.0, 4.0, v0), new MobilModel(p, threshold, safe, bias));
    }

    /** The drivers with ids {@code from} to {@code from + count − 1}. */
    public static List<DriverStyle> drivers(int from, int count) {
        List<DriverStyle> out = new ArrayList<>(count);
        for (int id = from; id < from + count; id++) {
            out.add(driver(id));
        }
        return out;
    }

    /** Every driver's name, by id. */
    public static List<String> names() {
        return drivers(0, SIZE).stream().map(DriverStyle::name).toList();
    }

    private static double draw(SplittableRandom rng, double[] range) {
        return range[0] + (range[1] - range[0]) * rng.nextDouble();
    }
}
