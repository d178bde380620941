package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.il.spaces.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The features minigame policies see: 21 named values in [0, 1] (minigame, selection, idle flags, what is on
 * the screen, then where each function would point), computed from the 5,643 raw layer values.
 */
class MinigameFeaturesTest {

    private static final MinigameFeatures FEATURES = new MinigameFeatures();

    private static float feature(float[] features, String name) {
        int index = MinigameFeatures.featureNames().indexOf(name);
        assertTrue(index >= 0, "no feature named " + name);
        return features[index];
    }

    /** Observations of one episode of {@code actor}, at most {@code steps} steps. */
    private static List<float[]> episode(Minigame minigame, Actor actor, long seed, int steps) {
        MinigameEnvironment env = minigame.environment();
        SplittableRandom rng = new SplittableRandom(seed);
        List<float[]> observations = new ArrayList<>();
        observations.add(env.reset(seed));
        for (int step = 0; step < steps; step++) {
            StepResult result = env.step(actor.act(observations.get(observations.size() - 1), rng));
            observations.add(result.observation());
            if (result.done()) {
                break;
            }
        }
        return observations;
    }

    @Test
    void theFeaturesAreTheMinigameTheSelectionTheIdleFlagsTheScreenThenTheTenTargetCoordinates() {
        List<String> names = MinigameFeatures.featureNames();

        assertEquals(List.of(
                "minigame.moveToBeacon", "minigame.collectMineralShards", "minigame.defeatRoaches",
                "selectedCount/10", "ownUnits/10", "anyOwnUnselected", "anySelectedIdle", "anyUnselectedIdle",
                "neutrals.exist", "enemies.exist", "enemies/8",
                "select.x", "select.y", "rect.x", "rect.y", "rect.x2", "rect.y2", "move.x", "move.y", "attack.x",
                "attack.y"), names);
        assertEquals(21, names.size());
        assertEquals(names.size(), names.stream().distinct().count());
    }

    @Test
    void theOutputIsOneValueInZeroToOnePerNameAndTheInputIsTheRawObservation() {
        Box output = FEATURES.outputSpace();
        Box input = FEATURES.inputSpace();
        float[] encoded = FEATURES.encode(Minigame.MOVE_TO_BEACON.environment().reset(1));

        assertEquals(MinigameFeatures.featureNames().size(), output.dimension());
        assertEquals(output.dimension(), encoded.length);
        for (int i = 0; i < output.dimension(); i++) {
            assertEquals(0f, output.low(i));
            assertEquals(1f, output.high(i));
        }
        assertEquals(FeatureLayers.LENGTH, input.dimension());
        assertEquals("starcraft-minigame-features-v1", FEATURES.id());
    }

    @Test
    void onCollectMineralShardsTheFeaturesNameTheMinigameTheSelectionAndWhichMarineIsIdle() {
        float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
                .selectedMarine(10, 10).busy(10, 10).marine(14, 10).shard(12, 10).shard(6, 10).build();

        float[] f = FEATURES.encode(obs);

        assertEquals(0f, feature(f, "minigame.moveToBeacon"));
        assertEquals(1f, feature(f, "minigame.collectMineralShards"));
        assertEquals(0f, feature(f, "minigame.defeatRoaches"));
        assertEquals(0.1f, feature(f, "selectedCount/10"), 1e-6);
        assertEquals(0.2f, feature(f, "ownUnits/10"), 1e-6);
        assertEquals(1f, feature(f, "anyOwnUnselected"));
        assertEquals(0f, feature(f, "anySelectedIdle"));
        assertEquals(1f, feature(f, "anyUnselectedIdle"));
        assertEquals(1f, feature(f, "neutrals.exist"));
        assertEquals(0f, feature(f, "enemies.exist"));
        assertEquals(0f, feature(f, "enemies/8"));
    }

    @Test
    void onDefeatRoachesTheFeaturesCountTheEnemyCellsAndSeeTheSelectedArmyIdle() {
        float[] obs = HandMadeObservation.of(Minigame.DEFEAT_ROACHES).selectedMarine(6, 14).selectedMarine(6, 15)
                .enemy(26, 12).enemy(26, 13).enemy(26, 15).enemy(26, 16).build();

        float[] f = FEATURES.encode(obs);

        assertEquals(1f, feature(f, "minigame.defeatRoaches"));
        assertEquals(0.2f, feature(f, "selectedCount/10"), 1e-6);
        assertEquals(0f, feature(f, "anyOwnUnselected"));
        assertEquals(1f, feature(f, "anySelectedIdle"));
        assertEquals(0f, feature(f, "anyUnselectedIdle"));
        assertEquals(0f, feature(f, "neutrals.exist"));
        assertEquals(1f, feature(f, "enemies.exist"));
        assertEquals(0.5f, feature(f, "enemies/8"), 1e-6);
    }

    @Test
    void theUnitCountsSaturateAtOne() {
        HandMadeObservation crowded = HandMadeObservation.of(Minigame.DEFEAT_ROACHES);
        for (int i = 0; i < 12; i++) {
            crowded.selectedMarine(4, 2 + 2 * i).enemy(28, 2 + 2 * i);
        }

        float[] f = FEATURES.encode(crowded.build());

        assertEquals(1f, feature(f, "selectedCount/10"));
        assertEquals(1f, feature(f, "ownUnits/10"));
        assertEquals(1f, feature(f, "enemies/8"));
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void theCoordinatesAreWhereMinigameTargetsSaysEachFunctionWouldPoint(Minigame minigame) {
        List<float[]> observations = episode(minigame, minigame.expert(), 41, 80);

        for (float[] obs : observations) {
            MinigameTargets t = MinigameTargets.of(obs);

            float[] coordinates = Arrays.copyOfRange(FEATURES.encode(obs), 11, 21);

            assertArrayEquals(new float[] {t.selectX(), t.selectY(), t.rectX(), t.rectY(), t.rectX2(), t.rectY2(),
                    t.moveX(), t.moveY(), t.attackX(), t.attackY()}, coordinates, t.toString());
        }
        assertEquals("select.x", MinigameFeatures.featureNames().get(11));
    }

    @ParameterizedTest
    @EnumSource(Minigame.class)
    void everyFeatureOfExpertAndRandomEpisodesLiesInZeroToOne(Minigame minigame) {
        Actor random = new UniformRandomActor(minigame.environment().actionSpace());
        List<float[]> observations = new ArrayList<>(episode(minigame, minigame.expert(), 42, 336));
        observations.addAll(episode(minigame, random, 43, 336));

        for (float[] obs : observations) {
            float[] f = FEATURES.encode(obs);

            assertTrue(FEATURES.outputSpace().contains(f), Arrays.toString(f));
        }
    }

    @Test
    void anObservationOfTheWrongLengthIsRefusedNamingBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FEATURES.encode(new float[100]));

        assertTrue(e.getMessage().contains("expected 5643") && e.getMessage().contains("found 100"), e.getMessage());
    }
}
