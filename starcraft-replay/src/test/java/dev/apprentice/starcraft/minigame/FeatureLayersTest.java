package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

        assertEquals(4 * 32 * 32 + 2 * 16 * 16, FeatureLayers.MINIGAME_OFFSET);
        assertEquals(FeatureLayers.MINIGAME_OFFSET + 3, FeatureLayers.TIME_ELAPSED_OFFSET);
        assertEquals(4613, FeatureLayers.LENGTH);
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
    void playerRelativeValuesArePysc2CodesOverFour() {
        assertEquals(0.25f, PlayerRelative.SELF.layerValue());
        assertEquals(PlayerRelative.ENEMY, PlayerRelative.ofLayerValue(1f));
        assertThrows(IllegalArgumentException.class, () -> PlayerRelative.ofLayerValue(0.3f));
    }
}
