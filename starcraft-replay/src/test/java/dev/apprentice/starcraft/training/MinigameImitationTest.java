package dev.apprentice.starcraft.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BC, GAIL and RAIL, as {@link MinigameRecipes} trains them, learn the minigames' scripted experts: normalised
 * score ≥ 0.9 on the ten held-out seeds from {@link MinigameImitation#EVALUATION_SEED}, training seed 1.
 */
class MinigameImitationTest {
    private static RolloutCollector collector;

    @BeforeAll
    static void start() {
        collector = new RolloutCollector(2, MinigameEnvironment.EPISODE_STEPS + 1);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @Test
    void behaviourCloningOfTenExpertEpisodesReachesTheBeaconLikeTheExpert() {
        Policy policy = MinigameImitation.cloneExpert(Minigame.MOVE_TO_BEACON, 10, collector, 1);
        Evaluator evaluator = MinigameImitation.evaluator(Minigame.MOVE_TO_BEACON, 10, collector);

        EvaluationResult result = evaluator.evaluate("bc", policy);

        assertTrue(result.normalizedReturn() >= 0.9, "normalised " + result.normalizedReturn() + ", score "
                + result.episodes().meanReturn() + " vs expert " + evaluator.expertStatistics().meanReturn());
    }

    @Test
    void behaviourCloningOfFortyExpertEpisodesCollectsShardsNearlyAsTheExpertDoes() {
        Policy policy = MinigameImitation.cloneExpert(Minigame.COLLECT_MINERAL_SHARDS, 40, collector, 1);
        Evaluator evaluator = MinigameImitation.evaluator(Minigame.COLLECT_MINERAL_SHARDS, 10, collector);

        EvaluationResult result = evaluator.evaluate("bc", policy);

        assertTrue(result.normalizedReturn() >= 0.9, "normalised " + result.normalizedReturn() + ", score "
                + result.episodes().meanReturn() + " vs expert " + evaluator.expertStatistics().meanReturn());
    }

    @Test
    void gailOfTenExpertEpisodesReachesTheBeaconLikeTheExpert() {
        assertLearnsTheExpert(Minigame.MOVE_TO_BEACON, Algorithm.GAIL, 10);
    }

    @Test
    void railOfTenExpertEpisodesReachesTheBeaconLikeTheExpert() {
        assertLearnsTheExpert(Minigame.MOVE_TO_BEACON, Algorithm.RAIL, 10);
    }

    /** GAIL starts from behaviour cloning, which needs 40 episodes here for its clicks to land (10 give 0.18). */
    @Test
    void gailOfFortyExpertEpisodesCollectsShardsNearlyAsTheExpertDoes() {
        assertLearnsTheExpert(Minigame.COLLECT_MINERAL_SHARDS, Algorithm.GAIL, 40);
    }

    @Test
    void railOfTenExpertEpisodesCollectsShardsLikeTheExpert() {
        assertLearnsTheExpert(Minigame.COLLECT_MINERAL_SHARDS, Algorithm.RAIL, 10);
    }

    /** Trains with the recipe's default iterations and checks the greedy policy on the held-out seeds. */
    private static void assertLearnsTheExpert(Minigame minigame, Algorithm algorithm, int episodes) {
        Policy policy = MinigameImitation.train(minigame, algorithm, episodes, collector, 1, 0, TrainingListener.NONE);
        Evaluator evaluator = MinigameImitation.evaluator(minigame, 10, collector);

        EvaluationResult result = evaluator.evaluate(algorithm.id(), policy);

        assertTrue(result.normalizedReturn() >= 0.9, algorithm.id() + " normalised " + result.normalizedReturn()
                + ", score " + result.episodes().meanReturn() + " vs expert " + evaluator.expertStatistics().meanReturn());
    }
}
