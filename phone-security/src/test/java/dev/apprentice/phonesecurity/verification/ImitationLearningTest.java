package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.model.ImitationScore;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Cell;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The imitation method really learns who the owner is: on the real Hold-and-Tap protocol (seed 1,
 * 50 enrolled owners, impostors the models never saw) it beats the strongest baseline, logistic
 * regression against the background pool, in the enrolment activity and across activities, and so
 * does the owner's behaviour policy on its own.
 */
class ImitationLearningTest {

    @Test
    void imitationBeatsLogisticRegressionOnTheRealProtocolSameAndCrossActivity() {
        // given the real protocol with the strongest baseline and the imitation method and its halves
        ProtocolEvaluation evaluation = new ProtocolEvaluation(RealData.holdAndTap(), Protocol.standard(), 2);
        List<VerificationMethod> methods = List.of(new LogisticRegression(), new ImitationMethod(ImitationScore.FUSED),
                new ImitationMethod(ImitationScore.POLICY));

        // when every owner is enrolled on 15 Sitting samples and verified sitting and walking
        EvaluationResult result = evaluation.run(methods, List.of(FeatureSet.BOTH), List.of(1L),
                List.of(Activity.SITTING, Activity.WALKING));

        // then the fused imitation score clearly beats logistic regression in both
        for (Activity activity : List.of(Activity.SITTING, Activity.WALKING)) {
            Map<String, Cell> cells = result.cells().stream().filter(c -> c.activity() == activity)
                    .collect(Collectors.toMap(Cell::method, Function.identity()));
            double logistic = cells.get("logistic-regression").eer().mean();
            double imitation = cells.get("imitation").eer().mean();
            assertTrue(imitation < 0.8 * logistic, activity + ": imitation " + imitation + " vs logistic regression "
                    + logistic);
            // and the owner's policy alone beats it too (the report shows the discriminator alone)
            assertTrue(cells.get("imitation-policy").eer().mean() < logistic, activity + ": the policy alone");
        }
        Map<String, Cell> sitting = result.cells().stream().filter(c -> c.activity() == Activity.SITTING)
                .collect(Collectors.toMap(Cell::method, Function.identity()));
        assertTrue(sitting.get("imitation").eer().mean() < 0.07, "sitting EER " + sitting.get("imitation").eer().mean());
    }
}
