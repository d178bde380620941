package dev.apprentice.starcraft.minigame;

import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;

/**
 * A minigame observation painted cell by cell for unit tests, holding what the environment would show
 * for those cells: the minigame one-hot (without which {@link FeatureLayers#minigame} refuses the
 * observation), player_relative codes, the selection mark with a matching selected count, and the orders
 * layer where an own unit is busy. Layers the experts and features do not read (density, hit points,
 * minimap) stay 0.
 *
 * <pre>{@code
 * float[] obs = HandMadeObservation.of(Minigame.COLLECT_MINERAL_SHARDS)
 *         .selectedMarine(2, 2).busy(2, 2).marine(29, 29).shard(6, 2).build();
 * }</pre>
 */
final class HandMadeObservation {

    private final float[] values = new float[FeatureLayers.LENGTH];
    private int selected;

    private HandMadeObservation(Minigame minigame) {
        values[FeatureLayers.MINIGAME_OFFSET + minigame.ordinal()] = 1;
    }

    /** An empty screen of {@code minigame}: nothing painted, nothing selected. */
    static HandMadeObservation of(Minigame minigame) {
        return new HandMadeObservation(minigame);
    }

    /** An idle, unselected own unit in cell (x, y). */
    HandMadeObservation marine(int x, int y) {
        return paint(x, y, PlayerRelative.SELF);
    }

    /** An idle own unit in cell (x, y), selected (the selected count goes up by one). */
    HandMadeObservation selectedMarine(int x, int y) {
        marine(x, y);
        values[Layer.SCREEN_SELECTED.index(x, y)] = 1;
        selected++;
        values[FeatureLayers.SELECTED_COUNT_OFFSET] =
                Math.min(1f, (float) selected / FeatureLayers.SELECTED_COUNT_SCALE);
        return this;
    }

    /** Gives the own unit in cell (x, y) an order (a move or an attack): the orders layer shows it busy. */
    HandMadeObservation busy(int x, int y) {
        values[Layer.SCREEN_ORDERS.index(x, y)] = 1;
        return this;
    }

    /** A neutral cell: part of the beacon, or a mineral shard. */
    HandMadeObservation shard(int x, int y) {
        return paint(x, y, PlayerRelative.NEUTRAL);
    }

    /** A neutral cell of the beacon (the same code as a shard; the name says what the test means). */
    HandMadeObservation beacon(int x, int y) {
        return paint(x, y, PlayerRelative.NEUTRAL);
    }

    /** An enemy (roach) cell. */
    HandMadeObservation enemy(int x, int y) {
        return paint(x, y, PlayerRelative.ENEMY);
    }

    /** A copy of the observation painted so far. */
    float[] build() {
        return values.clone();
    }

    private HandMadeObservation paint(int x, int y, PlayerRelative who) {
        values[Layer.SCREEN_PLAYER_RELATIVE.index(x, y)] = who.layerValue();
        return this;
    }
}
