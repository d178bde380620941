package dev.apprentice.il.algorithms.bc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.UniformRandomActor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BC must really learn: from 10 expert episodes, close to the expert on 50 held-out seeds. */
class BehaviorCloningLearningTest {

    private static final long[] TRAINING_SEEDS = RolloutCollector.seeds(1, 10);
    private static final long[] EVALUATION_SEEDS = RolloutCollector.seeds(10_000, 50);
    private static RolloutCollector collector;

    @BeforeAll
    static void startCollector() {
        collector = new RolloutCollector(2, 100_000);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    private static EvaluationResult trainAndEvaluate(ReferenceTask task, BcConfig config, Evaluator evaluator) {
        DemonstrationSet demos = collector.demonstrations(task.environments(), task.expert(), TRAINING_SEEDS);
        TrainingOutcome outcome = new BehaviorCloningTrainer(config).train(ImitationTask.of(demos), TrainingListener.NONE);
        return evaluator.evaluate("bc", outcome.policy());
    }

    @Test
    void bcFromTenCartPoleEpisodesReachesNinetyPercentOfExpertReturn() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), EVALUATION_SEEDS);
        // when
        EvaluationResult bc = trainAndEvaluate(task, BcConfig.builder().seed(1).build(), evaluator);
        EvaluationResult random = evaluator.evaluate("random", new UniformRandomActor(task.environments().get().actionSpace()));
        // then
        assertTrue(bc.normalizedReturn() >= 0.9, "normalised return " + bc.normalizedReturn());
        assertTrue(bc.episodes().meanReturn() > random.episodes().meanReturn() + 100,
                "bc " + bc.episodes().meanReturn() + " vs random " + random.episodes().meanReturn());
        assertTrue(bc.actionAgreement() >= 0.9, "action agreement " + bc.actionAgreement());
    }

    /**
     * Three training seeds, judged on the median: on Pendulum an occasional initialisation sits on
     * an early plateau of the held-out action error long enough for early stopping to end the run
     * (seed 1 of seeds 1 to 8 did, measured when the initialisation moved from DL4J's generator to
     * the project's own), so one seed would test the initialisation's luck rather than BC.
     */
    @Test
    void bcFromTenPendulumEpisodesReachesEightyPercentOfExpertReturnOnTheMedianSeed() {
        // given
        ReferenceTask task = ReferenceTask.PENDULUM;
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), EVALUATION_SEEDS);
        // when
        List<EvaluationResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            runs.add(trainAndEvaluate(task, BcConfig.builder().seed(seed).build(), evaluator));
        }
        runs.sort(Comparator.comparingDouble(EvaluationResult::normalizedReturn));
        EvaluationResult median = runs.get(1);
        // then
        assertTrue(median.normalizedReturn() >= 0.8, "median normalised return " + median.normalizedReturn());
        assertTrue(median.actionMeanAbsoluteError() < 0.5, "mean absolute action error " + median.actionMeanAbsoluteError());
    }
}
