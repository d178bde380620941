package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.StepResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where each function would point, read off hand-made screens: cell (x, y) is pointed at through its centre,
 * ((x + 0.5) / 32, (y + 0.5) / 32); a rectangle spans whole cells; the screen's centre (0.5, 0.5) stands in
 * where nothing applies.
 */
class MinigameTargetsTest {

    private static final float DELTA = 1e-6f;

    private static void assertPoint(float expectedX, float expectedY, float x, float y) {
        assertEquals(expectedX, x, DELTA, "x");
        assertEquals(expectedY, y, DELTA, "y");
    }

    @Test
    void selectPointsAtTheFirstIdleUnselectedOwnUnitPassingOverBusyAndSelectedOnes() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .marine(1, 1).busy(1, 1).selectedMarine(5, 2).marine(10, 3).marine(4, 8).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(10.5f / 32, 3.5f / 32, targets.selectX(), targets.selectY());
    }

    @Test
    void selectFallsBackToTheFirstUnselectedOwnUnitWhenEveryUnselectedOneIsBusy() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(3, 1).marine(20, 6).busy(20, 6).marine(7, 9).busy(7, 9).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(20.5f / 32, 6.5f / 32, targets.selectX(), targets.selectY());
    }

    @Test
    void selectSinglesOutAnIdleUnitWhenSeveralAreSelected() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(6, 14).busy(6, 14).selectedMarine(6, 15).shard(20, 20).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(6.5f / 32, 15.5f / 32, targets.selectX(), targets.selectY());
    }

    @Test
    void selectFallsBackToTheScreenCentreWhenEveryOwnUnitIsSelectedAndBusy() {
        float[] obs = HandMadeObservation.of(Minigame.DEFEAT_ROACHES)
                .selectedMarine(6, 14).busy(6, 14).selectedMarine(6, 15).busy(6, 15).enemy(26, 15).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(0.5f, 0.5f, targets.selectX(), targets.selectY());
    }

    @Test
    void theRectangleIsTheBoundingBoxOfTheOwnUnitsCells() {
        float[] obs = HandMadeObservation.of(Minigame.DEFEAT_ROACHES)
                .marine(3, 4).selectedMarine(10, 2).marine(7, 9).enemy(20, 30).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(3f / 32, 2f / 32, targets.rectX(), targets.rectY());
        assertPoint(11f / 32, 10f / 32, targets.rectX2(), targets.rectY2());
    }

    @Test
    void withoutOwnUnitsSelectAndTheRectanglePointAtTheScreenCentre() {
        float[] obs = HandMadeObservation.of(Minigame.DEFEAT_ROACHES).enemy(20, 30).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(0.5f, 0.5f, targets.selectX(), targets.selectY());
        assertPoint(0.5f, 0.5f, targets.rectX(), targets.rectY());
        assertPoint(0.5f, 0.5f, targets.rectX2(), targets.rectY2());
    }

    @Test
    void onMoveToBeaconMovePointsAtTheCentroidOfTheBeaconCells() {
        float[] obs = HandMadeObservation.of(Minigame.MOVE_TO_BEACON).selectedMarine(3, 4)
                .beacon(20, 10).beacon(21, 10).beacon(20, 11).beacon(21, 11).beacon(22, 11).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(21.3f / 32, 11.1f / 32, targets.moveX(), targets.moveY());
    }

    @Test
    void onCollectMineralShardsMoveLeavesTheShardNearestTheUnselectedMarineToIt() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(10, 10).marine(14, 10).shard(12, 10).shard(6, 10).shard(20, 10).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(6.5f / 32, 10.5f / 32, targets.moveX(), targets.moveY());
    }

    @Test
    void onCollectMineralShardsMoveTakesTheNearestShardWhenTheOtherMarineIsNearerToAnother() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(10, 10).marine(25, 25).shard(12, 10).shard(6, 10).shard(24, 25).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(12.5f / 32, 10.5f / 32, targets.moveX(), targets.moveY());
    }

    @Test
    void onCollectMineralShardsTheLastShardIsSharedRatherThanLeftToTheOtherMarine() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(2, 2).marine(13, 10).shard(12, 10).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(12.5f / 32, 10.5f / 32, targets.moveX(), targets.moveY());
    }

    @Test
    void onCollectMineralShardsWithBothMarinesSelectedMoveTakesTheShardNearestTheirCentre() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(4, 10).selectedMarine(14, 10).shard(9, 14).shard(3, 10).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(9.5f / 32, 14.5f / 32, targets.moveX(), targets.moveY());
    }

    @Test
    void withNothingToGoToMoveAndAttackPointAtTheScreenCentre() {
        float[] beaconless = HandMadeObservation.of(Minigame.MOVE_TO_BEACON).selectedMarine(3, 4).build();
        float[] shardless = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(3, 4).marine(9, 9).build();
        float[] roachless = HandMadeObservation.of(Minigame.DEFEAT_ROACHES).selectedMarine(3, 4).build();

        for (float[] obs : new float[][] {beaconless, shardless, roachless}) {
            MinigameTargets targets = MinigameTargets.of(obs);

            assertPoint(0.5f, 0.5f, targets.moveX(), targets.moveY());
            assertPoint(0.5f, 0.5f, targets.attackX(), targets.attackY());
        }
    }

    @Test
    void attackPointsAtTheLowestEnemyCellTheLeftmostOnATie() {
        float[] obs = HandMadeObservation.of(Minigame.DEFEAT_ROACHES).selectedMarine(5, 15)
                .enemy(25, 12).enemy(27, 18).enemy(24, 18).enemy(26, 14).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(24.5f / 32, 18.5f / 32, targets.attackX(), targets.attackY());
    }

    @Test
    void onDefeatRoachesMovePointsWhereAttackDoes() {
        float[] obs = HandMadeObservation.of(Minigame.DEFEAT_ROACHES).selectedMarine(5, 15)
                .enemy(25, 12).enemy(26, 17).build();

        MinigameTargets targets = MinigameTargets.of(obs);

        assertPoint(26.5f / 32, 17.5f / 32, targets.moveX(), targets.moveY());
        assertPoint(targets.attackX(), targets.attackY(), targets.moveX(), targets.moveY());
    }

    @Test
    void anObservationWithoutTheMinigameOneHotIsRefused() {
        float[] obs = new float[FeatureLayers.LENGTH];

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinigameTargets.of(obs));

        assertTrue(e.getMessage().contains("minigame one-hot"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void everyTargetOfARealEpisodeIsAScreenCoordinate(Minigame minigame) {
        MinigameEnvironment env = minigame.environment();
        float[] obs = env.reset(31);
        SplittableRandom rng = new SplittableRandom(5);

        for (int step = 0; step < 100; step++) {
            MinigameTargets t = MinigameTargets.of(obs);

            for (float v : new float[] {t.selectX(), t.selectY(), t.rectX(), t.rectY(), t.rectX2(), t.rectY2(),
                    t.moveX(), t.moveY(), t.attackX(), t.attackY()}) {
                assertTrue(v >= 0 && v <= 1, "step " + step + ": " + t);
            }
            StepResult result = env.step(env.actionSpace().sample(rng));
            if (result.done()) {
                break;
            }
            obs = result.observation();
        }
    }
}
