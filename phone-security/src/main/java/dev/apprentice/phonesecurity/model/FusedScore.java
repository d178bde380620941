package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.policy.DenseNetwork;
import java.util.List;

/**
 * Puts the policy's log-likelihood ratio and the discriminator's logit on one scale: each is
 * normalised by the mean and spread of its scores on other people's samples (test normalisation,
 * Auckenthaler et al., Digital Signal Processing 10, 2000), then they are weighted and added.
 *
 * @param policy the owner's policy
 * @param discriminator the owner's discriminator network
 * @param policyMean mean policy score of other people
 * @param policySpread spread of the policy scores of other people
 * @param discriminatorMean mean discriminator logit of other people
 * @param discriminatorSpread spread of those logits
 * @param discriminatorWeight weight of the discriminator, in [0, 1]
 */
public record FusedScore(OwnerPolicy policy, DenseNetwork discriminator, double policyMean, double policySpread,
        double discriminatorMean, double discriminatorSpread, double discriminatorWeight) {

    /** Measures both scores on other people's projected samples. */
    public static FusedScore calibrate(OwnerPolicy policy, DenseNetwork discriminator, List<double[]> others,
            double discriminatorWeight) {
        int n = others.size();
        double[] p = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = policy.logLikelihoodRatio(others.get(i));
            d[i] = OwnerDiscriminator.logit(discriminator, others.get(i));
        }
        double pm = OwnerEnrolment.mean(p);
        double dm = OwnerEnrolment.mean(d);
        return new FusedScore(policy, discriminator, pm, OwnerEnrolment.spread(p, pm), dm, OwnerEnrolment.spread(d, dm),
                discriminatorWeight);
    }

    /** The policy's normalised score of a projected sample. */
    public double policyScore(double[] y) {
        return (policy.logLikelihoodRatio(y) - policyMean) / policySpread;
    }

    /** The discriminator's normalised score of a projected sample. */
    public double discriminatorScore(double[] y) {
        return (OwnerDiscriminator.logit(discriminator, y) - discriminatorMean) / discriminatorSpread;
    }

    /** The fused score of a projected sample. */
    public double score(double[] y) {
        double p = discriminatorWeight < 1 ? policyScore(y) : 0;
        double d = discriminatorWeight > 0 ? discriminatorScore(y) : 0;
        return (1 - discriminatorWeight) * p + discriminatorWeight * d;
    }
}
