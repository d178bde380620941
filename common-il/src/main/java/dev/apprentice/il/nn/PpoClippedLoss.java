package dev.apprentice.il.nn;

import dev.apprentice.il.policy.CategoricalDistribution;

import dev.apprentice.il.policy.GaussianMlpPolicy;

/**
 * PPO's clipped surrogate objective (Schulman et al., "Proximal Policy Optimization Algorithms",
 * 2017) as a loss on a policy network's outputs: {@code L = −min(ρA, clip(ρ, 1 − ε, 1 + ε)A) − cH},
 * with {@code ρ = exp(log π(a|s) − log π_old(a|s))} and entropy H.
 *
 * <p>Label rows: for discrete actions {@code [action index, log π_old, advantage]} over logits;
 * for continuous actions {@code [u_1..u_d, log π_old(u), advantage]} over d means and d
 * log-std parameters (bounded as {@link GaussianMlpPolicy#boundedLogStd}), where u is the
 * pre-squash action. The tanh Jacobian of the squashed policy is the same under the old and the
 * new parameters, so the ratio of pre-squash densities is the ratio of action densities.
 */
public final class PpoClippedLoss extends PlainJavaLoss {

    private static final long serialVersionUID = 1L;
    private static final double MAX_LOG_RATIO = 10;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_STD_HALF_RANGE = 0.5 * (GaussianMlpPolicy.LOG_STD_MAX - GaussianMlpPolicy.LOG_STD_MIN);

    private boolean continuous;
    private double clipRange;
    private double entropyCoefficient;

    /** For DL4J's configuration serialisation. */
    public PpoClippedLoss() {
        this(false, 0.2, 0.0);
    }

    /**
     * @param continuous outputs are Gaussian means and log-std parameters rather than logits
     * @param clipRange ε, the largest change of the probability ratio that is rewarded
     * @param entropyCoefficient c, the weight of the entropy bonus
     */
    public PpoClippedLoss(boolean continuous, double clipRange, double entropyCoefficient) {
        this.continuous = continuous;
        this.clipRange = clipRange;
        this.entropyCoefficient = entropyCoefficient;
    }

    public boolean isContinuous() {
        return continuous;
    }

    public void setContinuous(boolean continuous) {
        this.continuous = continuous;
    }

    public double getClipRange() {
        return clipRange;
    }

    public void setClipRange(double clipRange) {
        this.clipRange = clipRange;
    }

    public double getEntropyCoefficient() {
        return entropyCoefficient;
    }

    public void setEntropyCoefficient(double entropyCoefficient) {
        this.entropyCoefficient = entropyCoefficient;
    }

    @Override
    double exampleLoss(float[] out, int offset, int width, float[] labels, int lo, int labelWidth, float[] gradient) {
        return continuous ? gaussian(out, offset, width, labels, lo, labelWidth, gradient)
                : categorical(out, offset, width, labels, lo, labelWidth, gradient);
    }

    /**
     * −min(ρA, clip(ρ)A); returns {surrogate loss, d loss / d log π}. The log-ratio is bounded
     * by ±{@value #MAX_LOG_RATIO} so that a sample far in a distribution's tail cannot overflow ρ.
     */
    private double[] surrogate(double logP, double oldLogP, double advantage) {
        double ratio = Math.exp(Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, logP - oldLogP)));
        double unclipped = ratio * advantage;
        double clipped = Math.max(1 - clipRange, Math.min(1 + clipRange, ratio)) * advantage;
        if (unclipped <= clipped) {
            return new double[] {-unclipped, -unclipped};
        }
        return new double[] {-clipped, 0};
    }

    private double categorical(float[] z, int offset, int k, float[] labels, int lo, int labelWidth, float[] gradient) {
        if (labelWidth != 3) {
            throw new IllegalArgumentException("PPO loss: expected labels [action, old log-probability, advantage], found "
                    + labelWidth + " values");
        }
        int action = (int) labels[lo];
        double logSum = CategoricalDistribution.logSumExp(z, offset, k);
        double entropy = 0;
        for (int j = 0; j < k; j++) {
            double logP = z[offset + j] - logSum;
            entropy -= Math.exp(logP) * logP;
        }
        double[] s = surrogate(z[offset + action] - logSum, labels[lo + 1], labels[lo + 2]);
        if (gradient != null) {
            for (int j = 0; j < k; j++) {
                double logP = z[offset + j] - logSum;
                double p = Math.exp(logP);
                // d log π_a / dz_j = 1[j = a] − p_j;  d(−cH)/dz_j = c p_j (log p_j + H)
                gradient[j] = (float) (s[1] * ((j == action ? 1 : 0) - p) + entropyCoefficient * p * (logP + entropy));
            }
        }
        return s[0] - entropyCoefficient * entropy;
    }

    private double gaussian(float[] out, int offset, int width, float[] labels, int lo, int labelWidth, float[] gradient) {
        int d = width / 2;
        if (width != 2 * d || labelWidth != d + 2) {
            throw new IllegalArgumentException("PPO loss: expected 2d outputs and labels [u_1..u_d, old log-probability, "
                    + "advantage], found " + width + " outputs and " + labelWidth + " labels");
        }
        double logP = 0;
        double entropy = 0;
        double[] z = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double logStd = GaussianMlpPolicy.boundedLogStd(out[offset + d + j]);
            std[j] = Math.exp(logStd);
            z[j] = (labels[lo + j] - out[offset + j]) / std[j];
            logP += -0.5 * z[j] * z[j] - logStd - HALF_LOG_2PI;
            entropy += logStd + 0.5 + HALF_LOG_2PI;
        }
        double[] s = surrogate(logP, labels[lo + d], labels[lo + d + 1]);
        if (gradient != null) {
            for (int j = 0; j < d; j++) {
                double t = Math.tanh(out[offset + d + j]);
                gradient[j] = (float) (s[1] * z[j] / std[j]);
                double dLogStd = s[1] * (z[j] * z[j] - 1) - entropyCoefficient;
                gradient[d + j] = (float) (dLogStd * LOG_STD_HALF_RANGE * (1 - t * t));
            }
        }
        return s[0] - entropyCoefficient * entropy;
    }

    @Override
    public String name() {
        return "PpoClipped(" + (continuous ? "gaussian" : "categorical") + ", clip=" + clipRange + ", entropy="
                + entropyCoefficient + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
