package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import java.util.List;

/**
 * What minigame policies see: a couple of dozen numbers read off the feature layers — which minigame, the
 * selection, which own units are idle, what is on the screen, and where each function would point
 * ({@link MinigameTargets}). The 5,643 raw layer values stay what is streamed, stored and
 * sent to the decision API; this map is the domain's feature encoding, named in every model card. The
 * quantities are those the scripted experts act on, so a small network (or a linear policy for random
 * search) can learn to act from them.
 */
public final class MinigameFeatures implements ObservationEncoder {
    private static final List<String> NAMES = List.of(
            "minigame.moveToBeacon", "minigame.collectMineralShards", "minigame.defeatRoaches",
            "selectedCount/10", "ownUnits/10", "anyOwnUnselected", "anySelectedIdle", "anyUnselectedIdle",
            "neutrals.exist", "enemies.exist", "enemies/8",
            "select.x", "select.y", "rect.x", "rect.y", "rect.x2", "rect.y2", "move.x", "move.y", "attack.x",
            "attack.y");
    private static final Box OUTPUT = Box.uniform(NAMES.size(), 0f, 1f);
    private static final Box INPUT = Box.uniform(FeatureLayers.LENGTH, 0f, 1f);

    @Override
    public String id() {
        return "starcraft-minigame-features-v1";
    }

    @Override
    public Box inputSpace() {
        return INPUT;
    }

    @Override
    public Box outputSpace() {
        return OUTPUT;
    }

    /** @return each feature's name, in order */
    public static List<String> featureNames() {
        return NAMES;
    }

    @Override
    public float[] encode(float[] observation) {
        if (observation.length != FeatureLayers.LENGTH) {
            throw new IllegalArgumentException("observation: expected " + FeatureLayers.LENGTH
                    + " feature-layer values, found " + observation.length);
        }
        float[] f = new float[NAMES.size()];
        for (int m = 0; m < FeatureLayers.MINIGAME_COUNT; m++) {
            f[m] = observation[FeatureLayers.MINIGAME_OFFSET + m];
        }
        f[3] = observation[FeatureLayers.SELECTED_COUNT_OFFSET];
        ScreenCells own = ScreenCells.of(observation, PlayerRelative.SELF);
        int selectedOffset = FeatureLayers.Layer.SCREEN_SELECTED.offset();
        int ordersOffset = FeatureLayers.Layer.SCREEN_ORDERS.offset();
        for (int i = 0; i < own.size(); i++) {
            int cell = own.cell(i);
            boolean idle = observation[ordersOffset + cell] == 0;
            if (observation[selectedOffset + cell] > 0) {
                f[6] = idle ? 1 : f[6];
            } else {
                f[5] = 1;
                f[7] = idle ? 1 : f[7];
            }
        }
        f[4] = Math.min(1f, own.size() / 10f);
        f[8] = ScreenCells.of(observation, PlayerRelative.NEUTRAL).isEmpty() ? 0 : 1;
        int enemies = ScreenCells.of(observation, PlayerRelative.ENEMY).size();
        f[9] = enemies > 0 ? 1 : 0;
        f[10] = Math.min(1f, enemies / 8f);
        MinigameTargets targets = MinigameTargets.of(observation);
        float[] slots = new float[MinigameAction.WIDTH];
        targets.write(slots);
        System.arraycopy(slots, MinigameAction.FUNCTION_COUNT, f, 11, 10);
        return f;
    }
}
