package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}: expert mean in [{1}, {2}]")
    @CsvSource({"MOVE_TO_BEACON, 20, 30", "COLLECT_MINERAL_SHARDS, 80, 140", "DEFEAT_ROACHES, 25, 65"})
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

    @Test
    void theShardExpertHandsOutAFreshMemoryPerEpisodeAndRefusesToActShared() {
        Actor shared = Minigame.COLLECT_MINERAL_SHARDS.expert();
        float[] obs = Minigame.COLLECT_MINERAL_SHARDS.environment().reset(1);

        Actor first = shared.forEpisode();
        Actor second = shared.forEpisode();

        assertNotSame(first, second);
        assertThrows(IllegalStateException.class, () -> shared.act(obs, new SplittableRandom(0)));
        assertTrue(Minigame.MOVE_TO_BEACON.expert().stateless());
        assertSame(Minigame.DEFEAT_ROACHES.expert(), Minigame.DEFEAT_ROACHES.expert().forEpisode());
    }

    @Test
    void theBeaconExpertSelectsTheArmyFirstThenMovesToTheBeaconCentroid() {
        float[] obs = new float[FeatureLayers.LENGTH];
        paint(obs, 3, 4, PlayerRelative.SELF);
        paint(obs, 20, 10, PlayerRelative.NEUTRAL);
        paint(obs, 21, 10, PlayerRelative.NEUTRAL);
        Actor expert = new MoveToBeaconExpert();

        float[] nothingSelected = expert.act(obs, new SplittableRandom(0));
        obs[FeatureLayers.SELECTED_COUNT_OFFSET] = 0.1f;
        float[] marineSelected = expert.act(obs, new SplittableRandom(0));

        assertArrayEquals(MinigameAction.selectArmy().toVector(), nothingSelected);
        assertArrayEquals(MinigameAction.move(21f / 32, 10.5f / 32).toVector(), marineSelected);
    }

    @Test
    void theRoachExpertAttacksTheLowestRoachOnTheScreenOnceTheArmyIsSelected() {
        float[] obs = new float[FeatureLayers.LENGTH];
        paint(obs, 5, 15, PlayerRelative.SELF);
        paint(obs, 25, 12, PlayerRelative.ENEMY);
        paint(obs, 27, 18, PlayerRelative.ENEMY);
        paint(obs, 24, 18, PlayerRelative.ENEMY);
        paint(obs, 26, 14, PlayerRelative.ENEMY);
        Actor expert = new DefeatRoachesExpert();

        float[] unselected = expert.act(obs, new SplittableRandom(0));
        obs[Layer.SCREEN_SELECTED.index(5, 15)] = 1;
        float[] selected = expert.act(obs, new SplittableRandom(0));

        assertArrayEquals(MinigameAction.selectArmy().toVector(), unselected);
        assertArrayEquals(MinigameAction.attack(24.5f / 32, 18.5f / 32).toVector(), selected);
    }

    @Test
    void theShardExpertClicksEachMarineThenSendsItToItsOwnNearestShard() {
        float[] obs = new float[FeatureLayers.LENGTH];
        paint(obs, 2, 2, PlayerRelative.SELF);
        paint(obs, 29, 29, PlayerRelative.SELF);
        paint(obs, 6, 2, PlayerRelative.NEUTRAL);
        paint(obs, 25, 29, PlayerRelative.NEUTRAL);
        Actor expert = Minigame.COLLECT_MINERAL_SHARDS.expert().forEpisode();

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

    private static MinigameAction next(Actor expert, float[] obs) {
        return MinigameAction.fromVector(expert.act(obs, new SplittableRandom(0)));
    }

    /** Moves a marine's cell (its selection mark with it), as a step of walking would. */
    private static void walk(float[] obs, int fromX, int fromY, int toX, int toY) {
        paint(obs, fromX, fromY, PlayerRelative.NONE);
        paint(obs, toX, toY, PlayerRelative.SELF);
        obs[Layer.SCREEN_SELECTED.index(toX, toY)] = obs[Layer.SCREEN_SELECTED.index(fromX, fromY)];
        obs[Layer.SCREEN_SELECTED.index(fromX, fromY)] = 0;
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
