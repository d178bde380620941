package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.EnvironmentChecker;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.starcraft.minigame.ArenaUnit.Order;
import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MinigameEnvironmentTest {

    private static final double MARINE_STRIDE_PER_STEP = 8 * 3.15 / 22.4;

    /** Observations and rewards of an episode driven by random action vectors drawn from {@code actionSeed}. */
    private record Episode(List<float[]> observations, List<Double> rewards) {
    }

    private static Episode play(MinigameEnvironment env, long seed, long actionSeed, int steps) {
        SplittableRandom actions = new SplittableRandom(actionSeed);
        List<float[]> observations = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        observations.add(env.reset(seed));
        for (int i = 0; i < steps; i++) {
            StepResult result = env.step(env.actionSpace().sample(actions));
            observations.add(result.observation());
            rewards.add(result.reward());
            if (result.done()) {
                break;
            }
        }
        return new Episode(observations, rewards);
    }

    private static void assertSameEpisode(Episode expected, Episode actual) {
        assertEquals(expected.observations().size(), actual.observations().size());
        for (int i = 0; i < expected.observations().size(); i++) {
            assertArrayEquals(expected.observations().get(i), actual.observations().get(i), "observation " + i);
        }
        assertEquals(expected.rewards(), actual.rewards());
    }

    private static List<Integer> cells(float[] obs, PlayerRelative who) {
        List<Integer> found = new ArrayList<>();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if (FeatureLayers.playerRelative(obs, x, y) == who) {
                    found.add(y * 32 + x);
                }
            }
        }
        return found;
    }

    private static int cellOf(ArenaUnit u) {
        return (int) Math.floor(u.y) * 32 + (int) Math.floor(u.x);
    }

    private static List<ArenaUnit> units(MinigameEnvironment env, UnitType type) {
        return env.units().stream().filter(u -> u.type == type).toList();
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void everyMinigamePassesTheEnvironmentChecker(Minigame minigame) {
        EnvironmentChecker checker = new EnvironmentChecker(MinigameEnvironment.EPISODE_STEPS, 2);

        List<String> problems = checker.check(minigame::environment);

        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void theSameSeedAndActionsGiveTheSameObservationsAndRewards(Minigame minigame) {
        MinigameEnvironment reused = minigame.environment();
        Episode first = play(reused, 42, 7, 120);
        play(reused, 43, 8, 50);

        Episode again = play(reused, 42, 7, 120);
        Episode fresh = play(minigame.environment(), 42, 7, 120);

        assertSameEpisode(first, again);
        assertSameEpisode(first, fresh);
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void differentSeedsGiveDifferentEpisodes(Minigame minigame) {
        MinigameEnvironment env = minigame.environment();

        float[] one = env.reset(1);
        float[] two = env.reset(2);

        assertFalse(Arrays.equals(one, two));
    }

    @Test
    void anEpisodeIsTruncatedAfter120SecondsOfGameTime() {
        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();
        env.reset(3);
        float[] noOp = MinigameAction.noOp().toVector();

        StepResult last = null;
        for (int step = 1; step <= 336; step++) {
            last = env.step(noOp);
            assertEquals(step == 336, last.truncated(), "step " + step);
        }

        assertFalse(last.terminated());
        assertEquals(1f, last.observation()[FeatureLayers.TIME_ELAPSED_OFFSET]);
        assertThrows(IllegalStateException.class, () -> env.step(noOp));
    }

    @Test
    void steppingBeforeResetIsRefused() {
        MinigameEnvironment env = Minigame.COLLECT_MINERAL_SHARDS.environment();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> env.step(MinigameAction.noOp().toVector()));

        assertTrue(e.getMessage().contains("reset(seed)"), e.getMessage());
    }

    @Test
    void badActionVectorsAreRefusedWithIllegalArgumentException() {
        MinigameEnvironment env = Minigame.DEFEAT_ROACHES.environment();
        env.reset(5);
        float[] nan = MinigameAction.selectArmy().toVector();
        nan[6] = Float.NaN;
        float[] outOfRange = MinigameAction.selectArmy().toVector();
        outOfRange[2] = -3;

        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> env.step(new float[9]));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class, () -> env.step(nan));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> env.step(outOfRange));

        assertTrue(length.getMessage().contains("expected 16 values") && length.getMessage().contains("found 9"),
                length.getMessage());
        assertTrue(notANumber.getMessage().contains("select_point x (index 6)"), notANumber.getMessage());
        assertTrue(range.getMessage().contains("select_rect score (index 2)"), range.getMessage());
    }

    @Test
    void afterResetMoveToBeaconShowsOneSelfCellAtTheMarineAndTheBeaconAroundItsCentre() {
        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();

        float[] obs = env.reset(11);

        ArenaUnit marine = units(env, UnitType.MARINE).get(0);
        ArenaUnit beacon = units(env, UnitType.BEACON).get(0);
        assertEquals(List.of(cellOf(marine)), cells(obs, PlayerRelative.SELF));
        List<Integer> neutral = cells(obs, PlayerRelative.NEUTRAL);
        assertTrue(neutral.contains(cellOf(beacon)));
        for (int cell : neutral) {
            assertTrue(Math.hypot(cell % 32 + 0.5 - beacon.x, cell / 32 + 0.5 - beacon.y) < 1.5, "cell " + cell);
        }
        assertEquals(1f, FeatureLayers.at(obs, Layer.SCREEN_HIT_POINTS_RATIO, (int) marine.x, (int) marine.y));
        assertEquals(0.25f, FeatureLayers.at(obs, Layer.SCREEN_UNIT_DENSITY, (int) marine.x, (int) marine.y));
        assertEquals(0f, FeatureLayers.at(obs, Layer.SCREEN_SELECTED, (int) marine.x, (int) marine.y));
        assertEquals(PlayerRelative.SELF.layerValue(),
                FeatureLayers.at(obs, Layer.MINIMAP_PLAYER_RELATIVE, (int) marine.x / 2, (int) marine.y / 2));
        assertEquals(Minigame.MOVE_TO_BEACON, FeatureLayers.minigame(obs));
        assertEquals(0f, obs[FeatureLayers.TIME_ELAPSED_OFFSET]);
    }

    @Test
    void afterResetDefeatRoachesShowsNineSelectedMarinesAndFourRoaches() {
        MinigameEnvironment env = Minigame.DEFEAT_ROACHES.environment();

        float[] obs = env.reset(12);

        List<Integer> self = cells(obs, PlayerRelative.SELF);
        assertEquals(9, self.size());
        for (ArenaUnit marine : units(env, UnitType.MARINE)) {
            assertTrue(self.contains(cellOf(marine)));
            assertEquals(1f, obs[Layer.SCREEN_SELECTED.offset() + cellOf(marine)]);
        }
        List<Integer> enemy = cells(obs, PlayerRelative.ENEMY);
        assertEquals(4, units(env, UnitType.ROACH).size());
        for (ArenaUnit roach : units(env, UnitType.ROACH)) {
            assertTrue(enemy.contains(cellOf(roach)));
        }
        assertEquals(0.9f, obs[FeatureLayers.SELECTED_COUNT_OFFSET], 1e-6);
        for (int cell = 0; cell < 256; cell++) {
            assertEquals(1f, obs[Layer.MINIMAP_CAMERA.offset() + cell]);
        }
    }

    @Test
    void selectRectSelectsExactlyTheUnitsInsideTheDraggedRectangle() {
        MinigameEnvironment env = Minigame.DEFEAT_ROACHES.environment();
        env.reset(13);
        List<ArenaUnit> column = units(env, UnitType.MARINE).stream()
                .sorted(Comparator.comparingDouble(u -> u.y)).toList();
        double columnX = column.get(0).x;
        double top = column.get(3).y - 0.5;
        double bottom = column.get(5).y + 0.5;

        StepResult result = env.step(MinigameAction.selectRect((float) ((columnX + 1) / 32), (float) (bottom / 32),
                (float) ((columnX - 1) / 32), (float) (top / 32)).toVector());

        for (ArenaUnit u : env.units()) {
            boolean inside = u.type == UnitType.MARINE && u.y >= top && u.y <= bottom;
            assertEquals(inside, u.selected, u.type + " at y " + u.y);
        }
        assertEquals(List.of(column.get(3), column.get(4), column.get(5)),
                env.units().stream().filter(u -> u.selected).toList());
        assertEquals(0.3f, result.observation()[FeatureLayers.SELECTED_COUNT_OFFSET], 1e-6);

        env.step(MinigameAction.selectRect(0.45f, 0.45f, 0.55f, 0.55f).toVector());

        assertTrue(env.units().stream().noneMatch(u -> u.selected));
    }

    @Test
    void selectPointPicksTheNearestOwnUnitWithinOneAndAHalfCellsAndBareGroundSelectsNothing() {
        MinigameEnvironment env = Minigame.COLLECT_MINERAL_SHARDS.environment();
        env.reset(14);
        ArenaUnit marine = units(env, UnitType.MARINE).get(1);

        float[] obs = env.step(MinigameAction.selectPoint((float) ((marine.x + 1) / 32), (float) (marine.y / 32))
                .toVector()).observation();

        assertTrue(marine.selected);
        assertEquals(1, env.units().stream().filter(u -> u.selected).count());
        assertEquals(1, FeatureLayers.selectedCount(obs));

        double[] bare = farthestCornerFromMarines(env);
        env.step(MinigameAction.selectPoint((float) (bare[0] / 32), (float) (bare[1] / 32)).toVector());

        assertTrue(env.units().stream().noneMatch(u -> u.selected));
    }

    /** The arena corner farthest from every marine: certainly bare ground. */
    private static double[] farthestCornerFromMarines(MinigameEnvironment env) {
        double[] best = null;
        double bestDistance = -1;
        for (double[] corner : new double[][] {{0.5, 0.5}, {31.5, 0.5}, {0.5, 31.5}, {31.5, 31.5}}) {
            double nearest = units(env, UnitType.MARINE).stream()
                    .mapToDouble(u -> u.distanceTo(corner[0], corner[1])).min().orElseThrow();
            if (nearest > bestDistance) {
                best = corner;
                bestDistance = nearest;
            }
        }
        return best;
    }

    @Test
    void aMovedMarineWalksAtMarineSpeedAndStopsAtItsTarget() {
        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();
        env.reset(15);
        ArenaUnit marine = units(env, UnitType.MARINE).get(0);
        double startX = marine.x;
        double startY = marine.y;
        float targetX = startX < 16 ? 31f / 32 : 1f / 32;
        env.step(MinigameAction.selectArmy().toVector());

        env.step(MinigameAction.move(targetX, (float) (startY / 32)).toVector());

        assertEquals(MARINE_STRIDE_PER_STEP, Math.hypot(marine.x - startX, marine.y - startY), 1e-9);
        assertSame(Order.MOVE, marine.order);
    }

    @Test
    void reachingTheBeaconPaysOneAndMovesItAtLeastFiveUnitsAway() {
        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();
        env.reset(16);
        env.step(MinigameAction.selectArmy().toVector());
        ArenaUnit marine = units(env, UnitType.MARINE).get(0);

        double total = 0;
        int steps = 0;
        while (total == 0 && steps++ < 40) {
            ArenaUnit beacon = units(env, UnitType.BEACON).get(0);
            float[] move = MinigameAction.move((float) (beacon.x / 32), (float) (beacon.y / 32)).toVector();
            total += env.step(move).reward();
        }

        assertEquals(1.0, total);
        ArenaUnit beacon = units(env, UnitType.BEACON).get(0);
        assertTrue(marine.distanceTo(beacon) >= 5 - MARINE_STRIDE_PER_STEP, "beacon " + marine.distanceTo(beacon));
    }

    @Test
    void attackingARoachSendsEverySelectedMarineAfterThatRoach() {
        MinigameEnvironment env = Minigame.DEFEAT_ROACHES.environment();
        env.reset(17);
        ArenaUnit roach = units(env, UnitType.ROACH).get(2);

        env.step(MinigameAction.attack((float) ((roach.x + 1) / 32), (float) (roach.y / 32)).toVector());

        for (ArenaUnit marine : units(env, UnitType.MARINE)) {
            assertSame(Order.ATTACK_UNIT, marine.order);
            assertSame(roach, marine.targetUnit);
        }
    }

    @Test
    void defeatRoachesTerminatesWhenTheLastMarineDies() {
        MinigameEnvironment env = Minigame.DEFEAT_ROACHES.environment();
        env.reset(18);
        float[] noOp = MinigameAction.noOp().toVector();

        StepResult result;
        int steps = 0;
        do {
            result = env.step(noOp);
            steps++;
        } while (!result.done());

        assertTrue(result.terminated());
        assertFalse(result.truncated());
        assertTrue(steps < MinigameEnvironment.EPISODE_STEPS, "steps " + steps);
        assertTrue(units(env, UnitType.MARINE).isEmpty());
        assertTrue(cells(result.observation(), PlayerRelative.SELF).isEmpty());
    }

    @Test
    void theObservationNamesTheFunctionOfTheLastActionAsPysc2sLastActionsDoes() {
        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();
        float[] first = env.reset(3);

        float[] afterSelect = env.step(MinigameAction.selectArmy().toVector()).observation();
        float[] afterMove = env.step(MinigameAction.move(0.5f, 0.5f).toVector()).observation();

        for (MinigameFunction function : MinigameFunction.values()) {
            int index = FeatureLayers.LAST_ACTION_OFFSET + function.ordinal();
            assertEquals(0f, first[index], "nothing before the first action");
            assertEquals(function == MinigameFunction.SELECT_ARMY ? 1f : 0f, afterSelect[index], function.name());
            assertEquals(function == MinigameFunction.MOVE_SCREEN ? 1f : 0f, afterMove[index], function.name());
        }
    }

    @Test
    void theActionSpaceHoldsSixScoresInMinusOneToOneThenTenCoordinatesInZeroToOne() {
        Box actions = Minigame.COLLECT_MINERAL_SHARDS.environment().actionSpace();

        assertEquals(MinigameAction.WIDTH, actions.dimension());
        for (int i = 0; i < MinigameAction.WIDTH; i++) {
            assertEquals(i < 6 ? -1f : 0f, actions.low(i), "low " + i);
            assertEquals(1f, actions.high(i), "high " + i);
        }
    }

    @Test
    void theOrdersLayerShowsAMarineWithAMoveOrderUntilItArrives() {
        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();
        float[] idle = env.reset(15);
        ArenaUnit marine = units(env, UnitType.MARINE).get(0);
        env.step(MinigameAction.selectArmy().toVector());
        double targetX = marine.x < 16 ? marine.x + 2 : marine.x - 2;

        float[] walking = env.step(MinigameAction.move((float) (targetX / 32), (float) (marine.y / 32)).toVector())
                .observation();
        int walkingCell = cellOf(marine);
        float[] arrived = env.step(MinigameAction.noOp().toVector()).observation();

        assertEquals(0, ordersCells(idle).size());
        assertEquals(List.of(walkingCell), ordersCells(walking));
        assertSame(Order.IDLE, marine.order);
        assertEquals(0, ordersCells(arrived).size());
    }

    @Test
    void theOrdersLayerShowsMarinesOrderedToAttackButNeverTheRoaches() {
        MinigameEnvironment env = Minigame.DEFEAT_ROACHES.environment();
        env.reset(17);
        ArenaUnit roach = units(env, UnitType.ROACH).get(2);

        float[] obs = env.step(MinigameAction.attack((float) (roach.x / 32), (float) (roach.y / 32)).toVector())
                .observation();

        assertEquals(cells(obs, PlayerRelative.SELF), ordersCells(obs));
        for (int cell : cells(obs, PlayerRelative.ENEMY)) {
            assertEquals(0f, obs[Layer.SCREEN_ORDERS.offset() + cell], "roach cell " + cell);
        }
    }

    private static List<Integer> ordersCells(float[] obs) {
        List<Integer> found = new ArrayList<>();
        for (int cell = 0; cell < Layer.SCREEN_ORDERS.cells(); cell++) {
            if (obs[Layer.SCREEN_ORDERS.offset() + cell] > 0) {
                found.add(cell);
            }
        }
        return found;
    }
}
