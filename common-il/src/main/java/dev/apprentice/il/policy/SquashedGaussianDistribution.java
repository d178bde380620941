package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;
import java.util.random.RandomGenerator;

/**
 * A diagonal Gaussian over an unbounded pre-action {@code u}, squashed into the action box by
 * {@code a = low + (tanh(u) + 1) / 2 * (high - low)}, so sampled actions are always valid
 * (the tanh-squashing of Haarnoja et al., "Soft Actor-Critic", 2018, appendix C).
 */
public final class SquashedGaussianDistribution implements ActionDistribution {

    /** Actions are clamped this far inside the box before inverting tanh, keeping atanh finite. */
    static final double EDGE = 1e-6;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final float[] mean;
    private final float[] logStd;
    private final Box box;

    /**
     * @param mean mean of the pre-squash Gaussian
     * @param logStd log standard deviation per dimension
     * @param box bounded action box
     */
    public SquashedGaussianDistribution(float[] mean, float[] logStd, Box box) {
        if (mean.length != box.dimension() || logStd.length != box.dimension()) {
            throw new IllegalArgumentException("squashed Gaussian: mean and log-std must have " + box.dimension()
                    + " values, found " + mean.length + " and " + logStd.length);
        }
        this.mean = mean;
        this.logStd = logStd;
        this.box = box;
    }

    /** A copy of the pre-squash mean. */
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the pre-squash log standard deviations. */
    public float[] logStd() {
        return logStd.clone();
    }

    @Override
    public float[] sample(RandomGenerator rng) {
        float[] u = new float[mean.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) (mean[i] + Math.exp(logStd[i]) * rng.nextGaussian());
        }
        return squash(u, box);
    }

    @Override
    public float[] mode() {
        return squash(mean, box);
    }

    @Override
    public double logProbability(float[] action) {
        if (action.length != mean.length) {
            return Double.NEGATIVE_INFINITY;
        }
        double logp = 0;
        for (int i = 0; i < mean.length; i++) {
            double half = 0.5 * ((double) box.high(i) - box.low(i));
            double y = clampUnit((action[i] - box.low(i)) / half - 1);
            double u = atanh(y);
            double z = (u - mean[i]) / Math.exp(logStd[i]);
            logp += -0.5 * z * z - logStd[i] - LOG_SQRT_2PI - Math.log(1 - y * y) - Math.log(half);
        }
        return logp;
    }

    @Override
    public double entropy() {
        double h = 0;
        for (float s : logStd) {
            h += s + 0.5 + LOG_SQRT_2PI;
        }
        return h;
    }

    /** Maps a pre-action into the box. */
    public static float[] squash(float[] u, Box box) {
        float[] a = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            double t = Math.tanh(u[i]);
            double value = box.low(i) + (t + 1) * 0.5 * ((double) box.high(i) - box.low(i));
            a[i] = (float) Math.max(box.low(i), Math.min(box.high(i), value));
        }
        return a;
    }

    /**
     * Inverse of {@link #squash} for an action inside the box, with the action first pulled
     * {@code margin} (as a fraction of the half-width) inside the bounds.
     */
    public static float[] unsquash(float[] action, Box box, double margin) {
        float[] u = new float[action.length];
        for (int i = 0; i < action.length; i++) {
            double half = 0.5 * ((double) box.high(i) - box.low(i));
            double y = (action[i] - box.low(i)) / half - 1;
            y = Math.max(-1 + margin, Math.min(1 - margin, y));
            u[i] = (float) atanh(y);
        }
        return u;
    }

    private static double clampUnit(double y) {
        return Math.max(-1 + EDGE, Math.min(1 - EDGE, y));
    }

    private static double atanh(double y) {
        return 0.5 * Math.log((1 + y) / (1 - y));
    }
}
