package dev.apprentice.phonesecurity.sim;

import java.util.random.RandomGenerator;

/** The random draws the generator needs beyond uniform and Gaussian ones, and the seeds it derives. */
final class Draws {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Draws() {
    }

    /**
     * A seed derived from {@code parts}, so that every user, day part or component has its own
     * stream whatever order they are asked for in (SplitMix64's finaliser over the parts).
     */
    static long seed(long... parts) {
        long h = GOLDEN_GAMMA;
        for (long p : parts) {
            h = mix(h ^ mix(p + GOLDEN_GAMMA));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A Gamma(shape, 1) variate (Marsaglia and Tsang 2000; shapes below 1 boosted by U^(1/shape)). */
    static double gamma(double shape, RandomGenerator r) {
        if (shape < 1) {
            return gamma(shape + 1, r) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A Dirichlet draw with parameters {@code concentration * mean[i]}; {@code mean} sums to 1. */
    static double[] dirichlet(double[] mean, double concentration, RandomGenerator r) {
        double[] p = new double[mean.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = gamma(concentration * mean[i], r);
            sum += p[i];
        }
        if (!(sum > 0)) {
            // every component underflowed, possible only for tiny parameters: fall back on the mean
            return mean.clone();
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** An index drawn with probabilities {@code p} (summing to 1). */
    static int categorical(double[] p, RandomGenerator r) {
        double u = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length - 1; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }
}
