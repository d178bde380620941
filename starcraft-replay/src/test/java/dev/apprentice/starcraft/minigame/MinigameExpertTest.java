package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scripted experts: how they score on held-out seeds against random and no_op play, what they decide on
 * hand-made observations, and that they act on the observation alone. None of them remembers anything
 * between steps (CollectMineralShards reads which marine is idle off the orders layer), so one shared
 * instance serves every episode and a stateless policy can imitate each of them exactly.
 */
class MinigameExpertTest {

    /** Seeds never used while the constants and experts were tuned (tuning used seeds 0–49). */
    private static final long[] HELD_OUT_SEEDS = RolloutCollector.seeds(9_000, 10);
    private static final double FAR_ABOVE_RANDOM = 20;

    private static double meanScore(Minigame minigame, Actor actor) {
        List<Trajectory> episodes;
        try (RolloutCollector collector = new RolloutCollector(2, MinigameEnvironment.EPISODE_STEPS)) {
            episodes = collector.collect(minigame.environments(), actor, HELD_OUT_SEEDS);
        }
        return episodes.stream().mapToDouble(Trajectory::totalReward).average().orElseThrow();
    }

    /*
     * Measured on HELD_OUT_SEEDS (mean ± sd over the 10 episodes): MoveToBeacon expert 24.8 ± 2.8, random
     * 0.0, no_op 0.0; CollectMineralShards expert 83.6 ± 5.2 (81.1 on seeds 1000–1009, 82.6 on 0–49), random
     * 7.4, no_op 0.0; DefeatRoaches expert 38.0 ± 11.1, random 5.5, no_op -1.0. Each range holds the mean
     * with room for the spread of a 10-episode average, and fails when an expert gets clearly worse.
     */
    @ParameterizedTest(name = "{0}: expert mean in [{1}, {2}]")
    @CsvSource({"MOVE_TO_BEACON, 20, 30", "COLLECT_MINERAL_SHARDS, 70, 100", "DEFEAT_ROACHES, 25, 65"})
    void theExpertScoresInItsDocumentedRangeFarAboveRandomAndAboveNoOp(Minigame minigame, double low, double high) {
        Actor random = new UniformRandomActor(minigame.environment().actionSpace());
        Actor noOp = (observation, rng) -> MinigameAction.noOp().toVector();

        double expert = meanScore(minigame, minigame.expert());
        double randomScore = meanScore(minigame, random);
        double noOpScore = meanScore(minigame, noOp);

        assertTrue(expert >= low && expert <= high, "expert mean " + expert + " outside [" + low + ", " + high + "]");
        assertTrue(expert >= randomScore + FAR_ABOVE_RANDOM, "expert " + expert + ", random " + randomScore);
        assertTrue(expert > noOpScore, "expert " + expert + ", no_op " + noOpScore);
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void everyExpertActsOnTheObservationAloneSoAStatelessPolicyCanImitateIt(Minigame minigame) {
        Actor expert = minigame.expert();
        MinigameEnvironment env = minigame.environment();
        float[] start = env.reset(21);
        float[] before = expert.act(start, new SplittableRandom(0));
        float[] obs = start;
        for (int step = 0; step < 40; step++) {
            obs = env.step(expert.act(obs, new SplittableRandom(step))).observation();
        }

        float[] after = expert.act(start, new SplittableRandom(99));

        assertTrue(expert.stateless(), minigame + " expert is stateless");
        assertSame(expert, expert.forEpisode());
        assertArrayEquals(before, after, "the same observation gets the same action whatever came before");
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void everyExpertWritesWhereEveryFunctionWouldPointIntoTheSlotsItDoesNotUse(Minigame minigame) {
        Actor expert = minigame.expert();
        MinigameEnvironment env = minigame.environment();
        float[] obs = env.reset(22);

        for (int step = 0; step < 60; step++) {
            float[] action = expert.act(obs, new SplittableRandom(step));

            MinigameAction chosen = MinigameAction.fromVector(action);
            assertArrayEquals(chosen.toVector(MinigameTargets.of(obs)), action, "step " + step + ": " + chosen);
            StepResult result = env.step(action);
            if (result.done()) {
                break;
            }
            obs = result.observation();
        }
    }

    @Test
    void theBeaconExpertSelectsTheArmyFirstThenMovesToTheBeaconCentroid() {
        HandMadeObservation screen = HandMadeObservation.of(Minigame.MOVE_TO_BEACON).beacon(20, 10).beacon(21, 10);
        float[] nothingSelected = screen.marine(3, 4).build();
        float[] marineSelected = screen.selectedMarine(3, 4).build();
        Actor expert = Minigame.MOVE_TO_BEACON.expert();

        MinigameAction first = next(expert, nothingSelected);
        MinigameAction second = next(expert, marineSelected);

        assertEquals(MinigameAction.selectArmy(), first);
        assertEquals(MinigameAction.move(21f / 32, 10.5f / 32), second);
    }

    @Test
    void theRoachExpertAttacksTheLowestRoachOnTheScreenOnceTheArmyIsSelected() {
        HandMadeObservation screen = HandMadeObservation.of(Minigame.DEFEAT_ROACHES)
                .enemy(25, 12).enemy(27, 18).enemy(24, 18).enemy(26, 14);
        float[] unselected = screen.marine(5, 15).build();
        float[] selected = screen.selectedMarine(5, 15).build();
        Actor expert = Minigame.DEFEAT_ROACHES.expert();

        MinigameAction first = next(expert, unselected);
        MinigameAction second = next(expert, selected);

        assertEquals(MinigameAction.selectArmy(), first);
        assertEquals(MinigameAction.attack(24.5f / 32, 18.5f / 32), second);
    }

    @Test
    void theShardExpertClicksEachIdleMarineThenSendsItToItsOwnNearestShardAndWaitsWhileBothAreBusy() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .marine(2, 2).marine(29, 29).shard(6, 2).shard(25, 29).build();
        Actor expert = Minigame.COLLECT_MINERAL_SHARDS.expert();

        MinigameAction clickTopLeft = next(expert, obs);
        select(obs, clickTopLeft);
        MinigameAction moveTopLeft = next(expert, obs);
        walk(obs, 2, 2, 3, 2);
        MinigameAction clickBottomRight = next(expert, obs);
        select(obs, clickBottomRight);
        MinigameAction moveBottomRight = next(expert, obs);
        walk(obs, 3, 2, 4, 2);
        walk(obs, 29, 29, 28, 29);
        MinigameAction bothBusy = next(expert, obs);

        assertEquals(MinigameAction.selectPoint(2.5f / 32, 2.5f / 32), clickTopLeft);
        assertEquals(MinigameAction.move(6.5f / 32, 2.5f / 32), moveTopLeft);
        assertEquals(MinigameAction.selectPoint(29.5f / 32, 29.5f / 32), clickBottomRight);
        assertEquals(MinigameAction.move(25.5f / 32, 29.5f / 32), moveBottomRight);
        assertEquals(MinigameAction.noOp(), bothBusy);
    }

    @Test
    void theShardExpertSendsTheSelectedMarineOnAsSoonAsItIsIdleAgain() {
        float[] arrived = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(6, 2).marine(28, 29).busy(28, 29).shard(10, 3).shard(25, 29).build();
        Actor expert = Minigame.COLLECT_MINERAL_SHARDS.expert();

        MinigameAction action = next(expert, arrived);

        assertEquals(MinigameAction.move(10.5f / 32, 3.5f / 32), action);
    }

    @Test
    void theShardExpertClicksTheIdleMarineWhileTheSelectedOneIsStillWalking() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(4, 2).busy(4, 2).marine(20, 20).shard(6, 2).shard(25, 29).build();
        Actor expert = Minigame.COLLECT_MINERAL_SHARDS.expert();

        MinigameAction action = next(expert, obs);

        assertEquals(MinigameAction.selectPoint(20.5f / 32, 20.5f / 32), action);
    }

    private static MinigameAction next(Actor expert, float[] obs) {
        return MinigameAction.fromVector(expert.act(obs, new SplittableRandom(0)));
    }

    /** Moves a marine's cell (its selection mark with it) and marks it busy, as a step of walking would. */
    private static void walk(float[] obs, int fromX, int fromY, int toX, int toY) {
        paint(obs, fromX, fromY, PlayerRelative.NONE);
        paint(obs, toX, toY, PlayerRelative.SELF);
        obs[Layer.SCREEN_SELECTED.index(toX, toY)] = obs[Layer.SCREEN_SELECTED.index(fromX, fromY)];
        obs[Layer.SCREEN_SELECTED.index(fromX, fromY)] = 0;
        obs[Layer.SCREEN_ORDERS.index(fromX, fromY)] = 0;
        obs[Layer.SCREEN_ORDERS.index(toX, toY)] = 1;
    }

    private static void paint(float[] obs, int x, int y, PlayerRelative who) {
        obs[Layer.SCREEN_PLAYER_RELATIVE.index(x, y)] = who.layerValue();
    }

    /** What the environment would show after a click: only the clicked cell selected, one unit selected. */
    private static void select(float[] obs, MinigameAction click) {
        int offset = Layer.SCREEN_SELECTED.offset();
        Arrays.fill(obs, offset, offset + Layer.SCREEN_SELECTED.cells(), 0f);
        obs[Layer.SCREEN_SELECTED.index((int) (click.x() * 32), (int) (click.y() * 32))] = 1;
        obs[FeatureLayers.SELECTED_COUNT_OFFSET] = 0.1f;
    }
}
