package dev.apprentice.starcraft.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour cloning learns the minigames' scripted experts: normalised score ≥ 0.9 on held-out seeds. */
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
}
