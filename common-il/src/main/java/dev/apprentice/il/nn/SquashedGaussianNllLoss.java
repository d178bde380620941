package dev.apprentice.il.nn;

import dev.apprentice.il.policy.GaussianMlpPolicy;

/**
 * Behaviour-cloning loss for continuous actions: the negative log-likelihood of the expert's
 * pre-squash action {@code u = atanh(scaled a)} under the network's diagonal Gaussian, minus
 * {@code entropyBonus} times its entropy. Outputs are {@code d} means followed by {@code d}
 * unconstrained log-std parameters, bounded exactly as {@link GaussianMlpPolicy#boundedLogStd}
 * does. The tanh-squashing Jacobian does not depend on the network, so this is the squashed
 * policy's likelihood up to a constant.
 *
 * <p>Each dimension's term is weighted by {@code σ^(2β)}, treated as a constant (β-NLL: Seitzer
 * et al., "On the pitfalls of heteroscedastic uncertainty estimation with probabilistic neural
 * networks", ICLR 2022). Plain NLL (β = 0) lets the network give up on hard states by inflating
 * σ there instead of fitting the mean; β = 1 makes the mean's gradient that of squared error.
 */
public final class SquashedGaussianNllLoss extends PlainJavaLoss {

    private static final long serialVersionUID = 1L;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_STD_HALF_RANGE = 0.5 * (GaussianMlpPolicy.LOG_STD_MAX - GaussianMlpPolicy.LOG_STD_MIN);

    private double entropyBonus;
    private double varianceWeighting;

    /** For DL4J's configuration serialisation. */
    public SquashedGaussianNllLoss() {
        this(0.0, 0.0);
    }

    /**
     * @param entropyBonus weight of the entropy bonus, at least 0
     * @param varianceWeighting the β of β-NLL, in [0, 1]
     */
    public SquashedGaussianNllLoss(double entropyBonus, double varianceWeighting) {
        this.entropyBonus = entropyBonus;
        this.varianceWeighting = varianceWeighting;
    }

    public double getVarianceWeighting() {
        return varianceWeighting;
    }

    public void setVarianceWeighting(double varianceWeighting) {
        this.varianceWeighting = varianceWeighting;
    }

    public double getEntropyBonus() {
        return entropyBonus;
    }

    public void setEntropyBonus(double entropyBonus) {
        this.entropyBonus = entropyBonus;
    }

    @Override
    double exampleLoss(float[] out, int offset, int width, float[] u, int labelOffset, int d, float[] gradient) {
        if (width != 2 * d) {
            throw new IllegalArgumentException("squashed Gaussian loss: expected " + 2 * d + " outputs for " + d
                    + " action dimensions, found " + width);
        }
        double loss = 0;
        for (int j = 0; j < d; j++) {
            double mean = out[offset + j];
            double raw = out[offset + d + j];
            double t = Math.tanh(raw);
            double logStd = GaussianMlpPolicy.boundedLogStd((float) raw);
            double z = (u[labelOffset + j] - mean) * Math.exp(-logStd);
            double weight = Math.exp(2 * varianceWeighting * logStd);
            loss += weight * (0.5 * z * z + logStd + HALF_LOG_2PI) - entropyBonus * (logStd + 0.5 + HALF_LOG_2PI);
            if (gradient != null) {
                gradient[j] = (float) (-weight * z * Math.exp(-logStd));
                double dLogStd = weight * (1 - z * z) - entropyBonus;
                gradient[d + j] = (float) (dLogStd * LOG_STD_HALF_RANGE * (1 - t * t));
            }
        }
        return loss;
    }

    @Override
    public String name() {
        return "SquashedGaussianNll(entropyBonus=" + entropyBonus + ", beta=" + varianceWeighting + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
