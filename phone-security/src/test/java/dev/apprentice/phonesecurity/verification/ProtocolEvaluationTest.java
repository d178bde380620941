package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Cell;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProtocolEvaluationTest {

    @Test
    void givenTheRealProtocolOnSittingThenLogisticRegressionBeatsScaledManhattanAndEveryBaselineBeatsChance() {
        ProtocolEvaluation evaluation = new ProtocolEvaluation(RealData.holdAndTap(), Protocol.standard(), 2);

        EvaluationResult result = evaluation.run(VerificationMethods.baselines(), List.of(FeatureSet.BOTH), List.of(1L),
                List.of(Activity.SITTING));

        Map<String, Cell> byMethod = result.cells().stream().collect(Collectors.toMap(Cell::method, Function.identity()));
        double logistic = byMethod.get("logistic-regression").eer().mean();
        double manhattan = byMethod.get("scaled-manhattan").eer().mean();
        assertTrue(logistic < manhattan, "logistic regression " + logistic + " vs scaled Manhattan " + manhattan);
        assertTrue(logistic < 0.15, "logistic regression's EER " + logistic);
        for (Cell cell : result.cells()) {
            assertTrue(cell.eer().mean() < 0.35, cell.method() + "'s EER " + cell.eer().mean());
            assertTrue(cell.fusedEer().get(3).mean() < cell.eer().mean(), cell.method() + ": fusing 10 samples helps");
            assertEquals(50, cell.runs().get(0).users().size());
            assertEquals(15, cell.runs().get(0).users().get(0).genuineSamples());
            assertEquals(20 * 30, cell.runs().get(0).users().get(0).impostorSamples());
        }
    }

    @Test
    void givenASmallProtocolWhenEvaluatedThenTheAveragedDetFallsToZeroAndAtFar1IsTheOwnersMeanFrrAtFar1() {
        Protocol small = new Protocol(8, 6, 4, 15);

        EvaluationResult result = new ProtocolEvaluation(RealData.holdAndTap(), small, 2)
                .run(List.of(new LogisticRegression()), List.of(FeatureSet.BOTH), List.of(5L), List.of(Activity.SITTING));

        Cell cell = result.cells().get(0);
        List<ErrorRates.DetPoint> det = cell.averagedDet();
        assertEquals(ProtocolEvaluation.DET_FARS, det.stream().map(ErrorRates.DetPoint::far).toList());
        for (int p = 1; p < det.size(); p++) {
            assertTrue(det.get(p).frr() <= det.get(p - 1).frr(), "FRR never rises with FAR: " + det);
        }
        assertEquals(0, det.get(det.size() - 1).frr());
        double meanFrrAtFar1 = cell.runs().get(0).users().stream().mapToDouble(EvaluationResult.UserErrors::frrAtFar1)
                .average().orElseThrow();
        assertEquals(meanFrrAtFar1, det.get(ProtocolEvaluation.DET_FARS.indexOf(0.01)).frr(), 1e-12);
    }

    @Test
    void theResultIsTheSameOnOneThreadAsOnThree() {
        Protocol small = new Protocol(8, 6, 4, 15);
        List<VerificationMethod> methods = List.of(new ScaledManhattan(), new LogisticRegression());
        List<FeatureSet> features = List.of(FeatureSet.TOUCH);
        List<Activity> activities = List.of(Activity.SITTING, Activity.WALKING);

        EvaluationResult one = new ProtocolEvaluation(RealData.holdAndTap(), small, 1)
                .run(methods, features, List.of(3L, 4L), activities);
        EvaluationResult three = new ProtocolEvaluation(RealData.holdAndTap(), small, 3)
                .run(methods, features, List.of(3L, 4L), activities);

        assertEquals(one, three);
        assertEquals(List.of("scaled-manhattan/sitting", "logistic-regression/sitting", "scaled-manhattan/walking",
                "logistic-regression/walking"), one.cells().stream().map(c -> c.method() + "/" + c.activity().id()).toList());
        assertEquals(List.of(3L, 4L), one.cells().get(0).runs().stream().map(EvaluationResult.SeedRun::seed).toList());
        assertEquals(ProtocolEvaluation.FUSED_SAMPLES, one.fusedSamples());
    }

    @Test
    void repeatedOrMissingChoicesAreRefused() {
        ProtocolEvaluation evaluation = new ProtocolEvaluation(RealData.holdAndTap(), Protocol.standard(), 1);

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> evaluation.run(
                List.of(new ScaledManhattan(), new ScaledManhattan()), List.of(FeatureSet.TOUCH), List.of(1L),
                List.of(Activity.SITTING)));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> evaluation.run(
                List.of(new ScaledManhattan()), List.of(FeatureSet.TOUCH), List.of(), List.of(Activity.SITTING)));
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> new ProtocolEvaluation(RealData.holdAndTap(), Protocol.standard(), 0));

        assertEquals("methods: expected no repeats, found [scaled-manhattan, scaled-manhattan]", twice.getMessage());
        assertEquals("seeds: expected at least one, found none", none.getMessage());
        assertEquals("threads: expected at least 1, found 0", threads.getMessage());
    }
}
