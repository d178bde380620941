package dev.apprentice.il.algorithms.dagger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.UniformRandomActor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DAgger must really learn: from 10 expert episodes and 3 rounds of its own, close to the expert on 50 held-out seeds. */
class DaggerLearningTest {

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
    void daggerFromTenCartPoleEpisodesReachesNinetyFivePercentOfExpertReturn() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        DemonstrationSet demos = collector.demonstrations(task.environments(), task.expert(), TRAINING_SEEDS);
        ImitationTask imitation = ImitationTask.of(demos).withEnvironments(task.environments()).withExpert(task.expert());
        // fewer, larger-batch BC epochs than the defaults keep the four fits (round 0 and 3 rounds) quick
        DaggerConfig config = DaggerConfig.builder().seed(1).rounds(3).episodesPerRound(3).rolloutThreads(2)
                .bc(BcConfig.builder().batchSize(256).epochs(20).patience(5).build()).build();
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), EVALUATION_SEEDS);

        // when
        TrainingOutcome outcome = new DaggerTrainer(config).train(imitation, TrainingListener.NONE);
        EvaluationResult dagger = evaluator.evaluate("dagger", outcome.policy());
        EvaluationResult random = evaluator.evaluate("random", new UniformRandomActor(task.environments().get().actionSpace()));

        // then
        assertTrue(dagger.normalizedReturn() >= 0.95, "normalised return " + dagger.normalizedReturn());
        assertTrue(dagger.episodes().meanReturn() > random.episodes().meanReturn() + 100,
                "dagger " + dagger.episodes().meanReturn() + " vs random " + random.episodes().meanReturn());
        assertTrue(outcome.metrics().get("aggregate_size") > demos.size(), "the rollouts were aggregated: " + outcome.metrics());
    }
}
