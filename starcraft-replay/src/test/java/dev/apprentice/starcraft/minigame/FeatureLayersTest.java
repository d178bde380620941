package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;
import org.junit.jupiter.api.Test;

class FeatureLayersTest {

    @Test
    void theLayersFollowEachOtherWithoutGapsThenTheNonSpatialTail() {
        int expected = 0;

        for (Layer layer : Layer.values()) {
            assertEquals(expected, layer.offset(), layer.name());
            expected += layer.cells();
        }

        assertEquals(4 * 32 * 32, Layer.SCREEN_ORDERS.offset());
        assertEquals(5 * 32 * 32, Layer.MINIMAP_PLAYER_RELATIVE.offset());
        assertEquals(5 * 32 * 32 + 2 * 16 * 16, FeatureLayers.MINIGAME_OFFSET);
        assertEquals(FeatureLayers.MINIGAME_OFFSET + 3, FeatureLayers.TIME_ELAPSED_OFFSET);
        assertEquals(FeatureLayers.TIME_ELAPSED_OFFSET + 2, FeatureLayers.LAST_ACTION_OFFSET);
        assertEquals(FeatureLayers.LAST_ACTION_OFFSET + 6, FeatureLayers.LENGTH);
        assertEquals(5643, FeatureLayers.LENGTH);
    }

    @Test
    void atReadsCellsRowMajor() {
        float[] obs = new float[FeatureLayers.LENGTH];
        obs[Layer.SCREEN_UNIT_DENSITY.offset() + 5 * 32 + 7] = 0.5f;
        obs[Layer.MINIMAP_PLAYER_RELATIVE.offset() + 15 * 16 + 2] = 0.75f;

        float density = FeatureLayers.at(obs, Layer.SCREEN_UNIT_DENSITY, 7, 5);
        PlayerRelative minimap = PlayerRelative.ofLayerValue(
                FeatureLayers.at(obs, Layer.MINIMAP_PLAYER_RELATIVE, 2, 15));

        assertEquals(0.5f, density);
        assertEquals(PlayerRelative.NEUTRAL, minimap);
    }

    @Test
    void aCellOutsideTheLayerIsRefused() {
        float[] obs = new float[FeatureLayers.LENGTH];

        assertThrows(IndexOutOfBoundsException.class, () -> FeatureLayers.at(obs, Layer.MINIMAP_CAMERA, 16, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> FeatureLayers.at(obs, Layer.SCREEN_SELECTED, 0, -1));
    }

    @Test
    void theMinigameIsReadFromItsOneHotAndAnObservationWithoutOneIsRefusedNamingTheIndex() {
        float[] obs = new float[FeatureLayers.LENGTH];
        float[] shards = obs.clone();
        shards[FeatureLayers.MINIGAME_OFFSET + Minigame.COLLECT_MINERAL_SHARDS.ordinal()] = 1;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureLayers.minigame(obs));

        assertEquals(Minigame.COLLECT_MINERAL_SHARDS, FeatureLayers.minigame(shards));
        assertTrue(e.getMessage().contains("index " + FeatureLayers.MINIGAME_OFFSET), e.getMessage());
    }

    @Test
    void theSelectedCountIsReadBackFromItsScaledValueAndAPointAimsAtTheCentreOfItsCell() {
        float[] obs = new float[FeatureLayers.LENGTH];
        obs[FeatureLayers.SELECTED_COUNT_OFFSET] = 0.3f;

        int selected = FeatureLayers.selectedCount(obs);

        assertEquals(3, selected);
        assertEquals(0.5f / 32, FeatureLayers.screenCentre(0));
        assertEquals(31.5f / 32, FeatureLayers.screenCentre(31));
    }

    @Test
    void playerRelativeValuesArePysc2CodesOverFour() {
        assertEquals(0.25f, PlayerRelative.SELF.layerValue());
        assertEquals(PlayerRelative.ENEMY, PlayerRelative.ofLayerValue(1f));
        assertThrows(IllegalArgumentException.class, () -> PlayerRelative.ofLayerValue(0.3f));
    }
}
