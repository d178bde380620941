package dev.apprentice.starcraft.minigame;

/**
 * The layout of a minigame observation, so that code outside the simulator (experts, encoders, a
 * decision API) reads layers by name instead of by hand-computed offsets.
 *
 * <p>An observation is one {@code float[]} of length {@link #LENGTH}, every value in [0, 1]: five
 * {@value #SCREEN_SIZE}×{@value #SCREEN_SIZE} screen layers, two {@value #MINIMAP_SIZE}×{@value
 * #MINIMAP_SIZE} minimap layers, each flattened row-major (index {@code y * size + x}, y growing down
 * the screen as in pysc2), then a non-spatial tail: the minigame one-hot, the fraction of game time
 * elapsed, the number of selected units and the function of the last action. The camera covers the whole arena, so screen cell
 * {@code (x, y)} is the arena square {@code [x, x + 1) × [y, y + 1)}.
 *
 * <pre>{@code
 * float[] obs = env.reset(7);
 * PlayerRelative who = FeatureLayers.playerRelative(obs, 12, 3);   // SELF, NEUTRAL, ...
 * boolean picked = FeatureLayers.at(obs, Layer.SCREEN_SELECTED, 12, 3) > 0;
 * }</pre>
 */
public final class FeatureLayers {

    /** Screen layers are this many cells on a side (pysc2 defaults to 84 pixels; the arena is 32 units). */
    public static final int SCREEN_SIZE = 32;
    /** Minimap layers are this many cells on a side; a minimap cell covers 2×2 arena units. */
    public static final int MINIMAP_SIZE = 16;
    private static final int SCREEN_CELLS = SCREEN_SIZE * SCREEN_SIZE;
    private static final int MINIMAP_CELLS = MINIMAP_SIZE * MINIMAP_SIZE;
    /** Offset of the minigame one-hot ({@link Minigame#ordinal()} order), {@link #MINIGAME_COUNT} values. */
    public static final int MINIGAME_OFFSET = 5 * SCREEN_CELLS + 2 * MINIMAP_CELLS;
    /** Length of the minigame one-hot. */
    public static final int MINIGAME_COUNT = 3;
    /** Offset of the fraction of the episode's game time elapsed, in [0, 1]. */
    public static final int TIME_ELAPSED_OFFSET = MINIGAME_OFFSET + MINIGAME_COUNT;
    /** Offset of the number of selected units divided by {@link #SELECTED_COUNT_SCALE}, capped at 1. */
    public static final int SELECTED_COUNT_OFFSET = TIME_ELAPSED_OFFSET + 1;
    /** Selected units are divided by this before capping at 1. */
    public static final int SELECTED_COUNT_SCALE = 10;
    /**
     * Where the function of the last action taken starts: one-hot over {@link MinigameFunction} (all zero
     * before the first action), as pysc2's {@code last_actions} observation. Without it a stateless policy
     * could not tell "just selected a marine" from "just sent it".
     */
    public static final int LAST_ACTION_OFFSET = SELECTED_COUNT_OFFSET + 1;
    /** Total length of an observation: 5,643 floats. */
    public static final int LENGTH = LAST_ACTION_OFFSET + MinigameFunction.values().length;

    /** The spatial layers, in the order they are stored. */
    public enum Layer {
        /** pysc2 player_relative: {@link PlayerRelative#layerValue()} of the topmost unit (self, enemy, neutral). */
        SCREEN_PLAYER_RELATIVE(0, SCREEN_SIZE),
        /** 1 where a selected own unit is, else 0. */
        SCREEN_SELECTED(SCREEN_CELLS, SCREEN_SIZE),
        /** Units covering the cell (beacon and shards included) divided by 4, capped at 1. */
        SCREEN_UNIT_DENSITY(2 * SCREEN_CELLS, SCREEN_SIZE),
        /** Hit points over maximum of the unit with the most hit points in the cell; 0 without a mortal unit. */
        SCREEN_HIT_POINTS_RATIO(3 * SCREEN_CELLS, SCREEN_SIZE),
        /**
         * 1 where an own unit with an order (a move or an attack) is: pysc2's {@code feature_units}
         * {@code order_length > 0} drawn as a layer, so an idle marine can be told from a busy one.
         */
        SCREEN_ORDERS(4 * SCREEN_CELLS, SCREEN_SIZE),
        /** player_relative on the minimap, same codes and precedence. */
        MINIMAP_PLAYER_RELATIVE(5 * SCREEN_CELLS, MINIMAP_SIZE),
        /** 1 where the camera sees; the camera shows the whole arena, so every cell is 1 (kept for pysc2 fidelity). */
        MINIMAP_CAMERA(5 * SCREEN_CELLS + MINIMAP_CELLS, MINIMAP_SIZE);

        private final int offset;
        private final int size;

        Layer(int offset, int size) {
            this.offset = offset;
            this.size = size;
        }

        /** Index of cell (0, 0) of this layer in an observation. */
        public int offset() {
            return offset;
        }

        /** Cells on a side. */
        public int size() {
            return size;
        }

        /** Number of cells, {@code size × size}. */
        public int cells() {
            return size * size;
        }

        /**
         * Index of cell {@code (x, y)} in an observation.
         *
         * @throws IndexOutOfBoundsException when the cell is outside the layer
         */
        public int index(int x, int y) {
            if (x < 0 || x >= size || y < 0 || y >= size) {
                throw new IndexOutOfBoundsException("layer " + name() + ": cell (" + x + ", " + y
                        + ") is outside 0.." + (size - 1));
            }
            return offset + y * size + x;
        }
    }

    private FeatureLayers() {
    }

    /** The value of {@code layer} at cell {@code (x, y)}. */
    public static float at(float[] observation, Layer layer, int x, int y) {
        return observation[layer.index(x, y)];
    }

    /** The screen's player_relative code at cell {@code (x, y)}. */
    public static PlayerRelative playerRelative(float[] observation, int x, int y) {
        return PlayerRelative.ofLayerValue(at(observation, Layer.SCREEN_PLAYER_RELATIVE, x, y));
    }

    /** Which minigame the observation comes from, read from its one-hot. */
    public static Minigame minigame(float[] observation) {
        for (Minigame m : Minigame.values()) {
            if (observation[MINIGAME_OFFSET + m.ordinal()] > 0.5f) {
                return m;
            }
        }
        throw new IllegalArgumentException("observation: expected a minigame one-hot at index " + MINIGAME_OFFSET
                + ", found none set");
    }

    /** The number of selected units (exact up to {@value #SELECTED_COUNT_SCALE}, where the feature saturates). */
    public static int selectedCount(float[] observation) {
        return Math.round(observation[SELECTED_COUNT_OFFSET] * SELECTED_COUNT_SCALE);
    }

    /** The screen coordinate in [0, 1] that points at the centre of screen cell {@code cell}. */
    public static float screenCentre(int cell) {
        return (cell + 0.5f) / SCREEN_SIZE;
    }
}
