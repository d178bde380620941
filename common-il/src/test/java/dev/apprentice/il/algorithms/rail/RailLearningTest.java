package dev.apprentice.il.algorithms.rail;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RAIL must really learn from the discriminator alone: from 10 expert episodes, close to the
 * expert on 50 held-out seeds, without ever reading the environment's reward.
 */
class RailLearningTest {

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

    @Test
    void railFromTenCartPoleEpisodesReachesNinetyPercentOfExpertReturn() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        DemonstrationSet demos = collector.demonstrations(task.environments(), task.expert(), TRAINING_SEEDS);
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), EVALUATION_SEEDS);
        RailConfig config = RailConfig.builder().iterations(40).seed(1).build();

        // when
        TrainingOutcome outcome = new RailTrainer(config).train(ImitationTask.of(demos).withEnvironments(task.environments()),
                TrainingListener.NONE);
        EvaluationResult rail = evaluator.evaluate("rail", outcome.policy());
        EvaluationResult random = evaluator.evaluate("random", new UniformRandomActor(task.environments().get().actionSpace()));

        // then
        assertTrue(rail.normalizedReturn() >= 0.9, "normalised return " + rail.normalizedReturn());
        assertTrue(rail.episodes().meanReturn() > random.episodes().meanReturn() + 100,
                "rail " + rail.episodes().meanReturn() + " vs random " + random.episodes().meanReturn());
    }
}
