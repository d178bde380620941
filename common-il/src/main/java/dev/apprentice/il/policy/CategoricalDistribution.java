package dev.apprentice.il.policy;

import java.util.random.RandomGenerator;

/** A distribution over discrete actions {@code 0..n-1}, computed from logits with a stable softmax. */
public final class CategoricalDistribution implements ActionDistribution {

    private final float[] probabilities;

    private CategoricalDistribution(float[] probabilities) {
        this.probabilities = probabilities;
    }

    /** {@code log Σ_j exp(z_j)} over {@code z[offset..offset + k)}, shifted by the maximum so that it cannot overflow. */
    public static double logSumExp(float[] z, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, z[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(z[offset + j] - max);
        }
        return max + Math.log(sum);
    }

    /** Softmax of {@code logits}. */
    public static CategoricalDistribution fromLogits(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return new CategoricalDistribution(p);
    }

    /** A copy of the action probabilities. */
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** Probability of action {@code index}. */
    public double probability(int index) {
        return probabilities[index];
    }

    /** The most likely action's index (the lowest index on ties). */
    public int argmax() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public float[] sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return new float[] {i};
            }
        }
        return new float[] {argmax()};
    }

    @Override
    public float[] mode() {
        return new float[] {argmax()};
    }

    @Override
    public double logProbability(float[] action) {
        if (action.length != 1) {
            return Double.NEGATIVE_INFINITY;
        }
        int i = (int) action[0];
        if (i != action[0] || i < 0 || i >= probabilities.length) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(probabilities[i]);
    }

    @Override
    public double entropy() {
        double h = 0;
        for (float p : probabilities) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
