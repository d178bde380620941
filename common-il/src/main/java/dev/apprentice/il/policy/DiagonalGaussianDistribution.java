package dev.apprentice.il.policy;

import java.util.random.RandomGenerator;

/**
 * An unbounded Gaussian with independent coordinates, for policies over unbounded actions whose
 * density itself is the point (e.g. a person's behaviour under their own policy, scored by
 * likelihood), where squashing into a box would distort it.
 */
public final class DiagonalGaussianDistribution implements ActionDistribution {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final double[] mean;
    private final double[] variance;

    /**
     * @param mean the mean per coordinate
     * @param variance the variance per coordinate, positive and finite
     */
    public DiagonalGaussianDistribution(double[] mean, double[] variance) {
        if (mean.length != variance.length) {
            throw new IllegalArgumentException("gaussian: " + mean.length + " means but " + variance.length + " variances");
        }
        for (int k = 0; k < variance.length; k++) {
            if (!(variance[k] > 0 && Double.isFinite(variance[k])) || !Double.isFinite(mean[k])) {
                throw new IllegalArgumentException("gaussian: coordinate " + k + " needs a finite mean and a positive,"
                        + " finite variance");
            }
        }
        this.mean = mean.clone();
        this.variance = variance.clone();
    }

    @Override
    public float[] sample(RandomGenerator rng) {
        float[] x = new float[mean.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (mean[k] + Math.sqrt(variance[k]) * rng.nextGaussian());
        }
        return x;
    }

    @Override
    public float[] mode() {
        float[] x = new float[mean.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) mean[k];
        }
        return x;
    }

    @Override
    public double logProbability(float[] action) {
        if (action.length != mean.length) {
            throw new IllegalArgumentException("action: expected " + mean.length + " values, found " + action.length);
        }
        double lp = 0;
        for (int k = 0; k < mean.length; k++) {
            double r = action[k] - mean[k];
            lp += -0.5 * (r * r / variance[k] + Math.log(variance[k]) + LOG_TWO_PI);
        }
        return lp;
    }

    @Override
    public double entropy() {
        double h = 0;
        for (double v : variance) {
            h += 0.5 * (Math.log(v) + LOG_TWO_PI + 1);
        }
        return h;
    }
}
