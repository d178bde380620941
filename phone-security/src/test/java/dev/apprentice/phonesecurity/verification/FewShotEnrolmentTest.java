package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.model.FewShotSettings;
import dev.apprentice.phonesecurity.model.PolicyInitialisation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Few-shot enrolment on the real Hold-and-Tap protocol (seed 1, owners enrolled on 3 Sitting
 * samples, starts learned from the background people only). What the measurements support (service
 * README, "Few-shot enrolment"): the closed-form posterior policy, whose prior is the population,
 * is far better than a neural policy from any start; a Reptile start does not beat random weights,
 * so no test claims it does.
 */
class FewShotEnrolmentTest {

    @Test
    void givenThreeSamplesThePosteriorPolicyHalvesTheErrorOfNeuralPoliciesFromScratchOrReptile() {
        // given the protocol's split at three enrolment samples and three ways to learn the owner's policy
        List<VerificationMethod> methods = List.of(new PosteriorPolicyMethod(),
                new FewShotMethod(PolicyInitialisation.SCRATCH, FewShotSettings.defaults()),
                new FewShotMethod(PolicyInitialisation.REPTILE, FewShotSettings.defaults()));

        // when every owner enrols on their first 3 Sitting samples and is verified on the other 27
        FewShotEvaluation.Row row = new FewShotEvaluation(RealData.holdAndTap(), 2)
                .run(methods, FeatureSet.BOTH, List.of(3), List.of(1L), List.of(Activity.SITTING)).get(0);

        // then the posterior's EER (11 % measured) is below 0.6 × each neural policy's (25 and 29 % measured)
        double posterior = row.cell("posterior-policy", Activity.SITTING).eer().mean();
        for (String neural : List.of("few-shot-scratch", "few-shot-reptile")) {
            double eer = row.cell(neural, Activity.SITTING).eer().mean();
            assertTrue(posterior < 0.6 * eer, "posterior " + posterior + " vs " + neural + " " + eer);
        }
    }
}
