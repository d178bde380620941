package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.discriminator.DiscriminatorReward;
import dev.apprentice.phonesecurity.behaviour.Activity;
import java.util.List;

/**
 * Puts the policy's log-likelihood ratio and the discriminator's logit on one scale: each is
 * normalised by the mean and spread of its scores on other people's samples (test normalisation,
 * Auckenthaler et al., Digital Signal Processing 10, 2000), then they are weighted and added.
 *
 * @param policy the owner's policy
 * @param discriminator the owner's discriminator
 * @param policyMean mean policy score of other people
 * @param policySpread spread of the policy scores of other people
 * @param discriminatorMean mean discriminator logit of other people
 * @param discriminatorSpread spread of those logits
 * @param discriminatorWeight weight of the discriminator, in [0, 1]
 */
public record FusedScore(OwnerPolicy policy, DiscriminatorReward discriminator, double policyMean, double policySpread,
        double discriminatorMean, double discriminatorSpread, double discriminatorWeight) {

    /** Measures both scores on other people's pairs. */
    public static FusedScore calibrate(OwnerPolicy policy, DiscriminatorReward discriminator,
            List<OwnerDiscriminator.Pair> others, double discriminatorWeight) {
        int n = others.size();
        double[] p = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            OwnerDiscriminator.Pair o = others.get(i);
            p[i] = policy.logLikelihoodRatio(o.behaviour());
            d[i] = discriminator.output(OwnerDiscriminator.context(o.activity()), OwnerDiscriminator.behaviour(o.behaviour()));
        }
        return new FusedScore(policy, discriminator, mean(p), spread(p), mean(d), spread(d), discriminatorWeight);
    }

    /** The fused score of a projected sample. */
    public double score(Activity activity, double[] y) {
        double p = (policy.logLikelihoodRatio(y) - policyMean) / policySpread;
        double d = (discriminator.output(OwnerDiscriminator.context(activity), OwnerDiscriminator.behaviour(y))
                - discriminatorMean) / discriminatorSpread;
        return (1 - discriminatorWeight) * p + discriminatorWeight * d;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double spread(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.max(Math.sqrt(s / x.length), 1e-9);
    }
}
