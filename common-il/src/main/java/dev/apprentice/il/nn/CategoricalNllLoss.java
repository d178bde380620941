package dev.apprentice.il.nn;

import dev.apprentice.il.policy.CategoricalDistribution;

/**
 * Behaviour-cloning loss for discrete actions on logits: cross-entropy with the expert's action
 * minus {@code entropyBonus} times the policy's entropy, {@code L = -Σ y log p - β H(p)} with
 * {@code p = softmax(z)}. The bonus keeps the policy from becoming over-confident on states the
 * expert visited rarely (the {@code ent_weight} of the imitation library's BC).
 */
public final class CategoricalNllLoss extends PlainJavaLoss {

    private static final long serialVersionUID = 1L;

    private double entropyBonus;

    /** For DL4J's configuration serialisation. */
    public CategoricalNllLoss() {
        this(0.0);
    }

    /** @param entropyBonus weight β of the entropy bonus, at least 0 */
    public CategoricalNllLoss(double entropyBonus) {
        this.entropyBonus = entropyBonus;
    }

    public double getEntropyBonus() {
        return entropyBonus;
    }

    public void setEntropyBonus(double entropyBonus) {
        this.entropyBonus = entropyBonus;
    }

    @Override
    double exampleLoss(float[] z, int offset, int k, float[] y, int labelOffset, int labelWidth, float[] gradient) {
        double logSum = CategoricalDistribution.logSumExp(z, offset, k);
        double crossEntropy = 0;
        double entropy = 0;
        double labelMass = 0;
        for (int j = 0; j < k; j++) {
            double logP = z[offset + j] - logSum;
            double p = Math.exp(logP);
            crossEntropy -= y[labelOffset + j] * logP;
            entropy -= p * logP;
            labelMass += y[labelOffset + j];
        }
        if (gradient != null) {
            for (int j = 0; j < k; j++) {
                double logP = z[offset + j] - logSum;
                double p = Math.exp(logP);
                // d(-Σ y log p)/dz_j = p_j Σy - y_j;  d(-β H)/dz_j = β p_j (log p_j + H)
                gradient[j] = (float) (p * labelMass - y[labelOffset + j] + entropyBonus * p * (logP + entropy));
            }
        }
        return crossEntropy - entropyBonus * entropy;
    }

    @Override
    public String name() {
        return "CategoricalNll(entropyBonus=" + entropyBonus + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
