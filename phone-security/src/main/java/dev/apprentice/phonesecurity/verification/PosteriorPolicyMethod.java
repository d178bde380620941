package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.model.ImitationSettings;
import dev.apprentice.phonesecurity.model.OwnerPolicy;
import dev.apprentice.phonesecurity.model.PopulationModel;
import java.util.List;

/**
 * The service's closed-form owner policy alone (the posterior predictive of the two-covariance
 * model) without the discriminator and thresholds that enrolment adds: the reference the neural
 * few-shot policies are compared with, at the cost of a mean per owner. Its per-user EER equals
 * {@code imitation-policy}'s, whose score is this one shifted and scaled per owner.
 */
public final class PosteriorPolicyMethod implements VerificationMethod {

    @Override
    public String name() {
        return "posterior-policy";
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        PopulationModel population = PopulationModel.fit(background, ImitationSettings.defaults().shrinkage());
        return (owner, enrolSeed) -> {
            OwnerPolicy policy = OwnerPolicy.learn(population,
                    owner.stream().map(s -> population.project(s.activity(), s.features())).toList());
            return sample -> policy.logLikelihoodRatio(population.project(sample.activity(), sample.features()));
        };
    }
}
