package dev.apprentice.phonesecurity.verification;

import dev.apprentice.il.discriminator.DiscriminatorReward;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.model.FusedScore;
import dev.apprentice.phonesecurity.model.ImitationScore;
import dev.apprentice.phonesecurity.model.OwnerDiscriminator;
import dev.apprentice.phonesecurity.model.OwnerPolicy;
import dev.apprentice.phonesecurity.model.PopulationModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The imitation method on the verification protocol: the population model learned from the
 * background pool, then per owner the behaviour policy and the discriminator, scored as
 * {@link ImitationScore} says.
 */
public final class ImitationMethod implements VerificationMethod {

    /** Shrinkage of both population covariances towards the identity. */
    public static final double DEFAULT_SHRINKAGE = 0.1;
    /** Weight of the discriminator in the fused score. */
    public static final double DEFAULT_DISCRIMINATOR_WEIGHT = 0.3;

    private final ImitationScore score;
    private final double shrinkage;
    private final double discriminatorWeight;
    private final OwnerDiscriminator discriminator;

    /** The method with the default settings. */
    public ImitationMethod(ImitationScore score) {
        this(score, DEFAULT_SHRINKAGE, DEFAULT_DISCRIMINATOR_WEIGHT, new OwnerDiscriminator(OwnerDiscriminator.defaultConfig()));
    }

    /** The method with explicit settings. */
    public ImitationMethod(ImitationScore score, double shrinkage, double discriminatorWeight,
            OwnerDiscriminator discriminator) {
        if (!(discriminatorWeight >= 0 && discriminatorWeight <= 1)) {
            throw new IllegalArgumentException("discriminatorWeight: expected a value in [0, 1], found " + discriminatorWeight);
        }
        this.score = score;
        this.shrinkage = shrinkage;
        this.discriminatorWeight = discriminatorWeight;
        this.discriminator = discriminator;
    }

    @Override
    public String name() {
        return score.methodName();
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        PopulationModel population = PopulationModel.fit(background, shrinkage);
        List<OwnerDiscriminator.Pair> others = new ArrayList<>(background.size());
        for (FeatureSample s : background) {
            others.add(new OwnerDiscriminator.Pair(s.activity(),
                    population.project(s.activity(), s.features())));
        }
        return (owner, enrolSeed) -> {
            List<double[]> projected = new ArrayList<>(owner.size());
            List<OwnerDiscriminator.Pair> pairs = new ArrayList<>(owner.size());
            for (FeatureSample s : owner) {
                double[] y = population.project(s.activity(), s.features());
                projected.add(y);
                pairs.add(new OwnerDiscriminator.Pair(s.activity(), y));
            }
            OwnerPolicy policy = OwnerPolicy.learn(population, projected);
            DiscriminatorReward d = score == ImitationScore.POLICY ? null : discriminator.train(pairs, others, enrolSeed);
            FusedScore fusion = score == ImitationScore.FUSED ? FusedScore.calibrate(policy, d, others,
                    discriminatorWeight) : null;
            return sample -> {
                double[] y = population.project(sample.activity(), sample.features());
                return switch (score) {
                    case POLICY -> policy.logLikelihoodRatio(y);
                    case DISCRIMINATOR -> d.output(OwnerDiscriminator.context(sample.activity()), OwnerDiscriminator.behaviour(y));
                    case FUSED -> fusion.score(sample.activity(), y);
                };
            };
        };
    }
}
