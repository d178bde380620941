package dev.apprentice.il.algorithms.rail;

import dev.apprentice.il.policy.ObservationNormalizer;

/**
 * Per-dimension count, mean and sum of squared deviations (M2) of the observations seen so far:
 * the running state statistics of ARS V2 (Mania, Guy and Recht 2018). Samples are added with
 * Welford's update (1962) and partial statistics are combined with the pairwise formula of Chan,
 * Golub and LeVeque (1979), so each rollout can keep its own and the optimiser merges them in a
 * fixed order, never in thread completion order.
 */
final class RunningMoments {

    private long count;
    private final double[] mean;
    private final double[] m2;

    RunningMoments(int dimension) {
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
    }

    /** Statistics restored from a checkpoint. */
    static RunningMoments of(long count, double[] mean, double[] m2) {
        if (count < 0 || mean.length != m2.length) {
            throw new IllegalArgumentException("running moments: expected a count >= 0 and mean and M2 of one length, found "
                    + count + ", " + mean.length + " and " + m2.length);
        }
        RunningMoments m = new RunningMoments(mean.length);
        m.count = count;
        System.arraycopy(mean, 0, m.mean, 0, mean.length);
        System.arraycopy(m2, 0, m.m2, 0, m2.length);
        return m;
    }

    long count() {
        return count;
    }

    double[] mean() {
        return mean.clone();
    }

    double[] m2() {
        return m2.clone();
    }

    /** Welford's update with one observation. */
    void add(float[] x) {
        count++;
        for (int j = 0; j < mean.length; j++) {
            double delta = x[j] - mean[j];
            mean[j] += delta / count;
            m2[j] += delta * (x[j] - mean[j]);
        }
    }

    /**
     * Folds another set of statistics into this one (Chan, Golub and LeVeque 1979):
     * {@code δ = μ_B − μ_A}, {@code μ = μ_A + δ n_B / n}, {@code M2 = M2_A + M2_B + δ² n_A n_B / n}.
     */
    void merge(RunningMoments other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            count = other.count;
            System.arraycopy(other.mean, 0, mean, 0, mean.length);
            System.arraycopy(other.m2, 0, m2, 0, m2.length);
            return;
        }
        long n = count + other.count;
        for (int j = 0; j < mean.length; j++) {
            double delta = other.mean[j] - mean[j];
            mean[j] += delta * other.count / n;
            m2[j] += other.m2[j] + delta * delta * ((double) count * other.count / n);
        }
        count = n;
    }

    /**
     * The normaliser {@code (x − μ) / σ} with σ the population standard deviation; the identity
     * until two observations have been seen, since one observation gives no spread.
     */
    ObservationNormalizer normalizer() {
        if (count < 2) {
            return ObservationNormalizer.identity(mean.length);
        }
        float[] mu = new float[mean.length];
        float[] sd = new float[mean.length];
        for (int j = 0; j < mean.length; j++) {
            mu[j] = (float) mean[j];
            sd[j] = (float) Math.sqrt(m2[j] / count);
        }
        return new ObservationNormalizer(mu, sd);
    }
}
