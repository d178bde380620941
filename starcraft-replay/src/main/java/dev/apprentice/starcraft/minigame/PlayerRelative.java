package dev.apprentice.starcraft.minigame;

/**
 * pysc2's player_relative codes, so that a cell of a player_relative layer can be read by name rather
 * than by a magic number; the layer stores {@code code / 4} to lie in [0, 1].
 */
public enum PlayerRelative {
    /** No unit in the cell. */
    NONE(0),
    /** The agent's own units (marines). */
    SELF(1),
    /** Allied units; none of the three minigames has any, kept for pysc2's numbering. */
    ALLY(2),
    /** Neutral units: the beacon and the mineral shards. */
    NEUTRAL(3),
    /** Enemy units (roaches). */
    ENEMY(4);

    private static final PlayerRelative[] BY_CODE = values();

    private final int code;

    PlayerRelative(int code) {
        this.code = code;
    }

    /** pysc2's integer code (0 none, 1 self, 2 ally, 3 neutral, 4 enemy). */
    public int code() {
        return code;
    }

    /** The value a player_relative layer stores for this code: {@code code / 4}. */
    public float layerValue() {
        return code / 4f;
    }

    /**
     * The code a player_relative layer value stands for.
     *
     * @throws IllegalArgumentException when the value is not one of 0, 0.25, 0.5, 0.75, 1
     */
    public static PlayerRelative ofLayerValue(float value) {
        float scaled = value * 4;
        int code = Math.round(scaled);
        if (!(Math.abs(scaled - code) < 1e-3f) || code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException(
                    "player_relative layer value: expected one of 0, 0.25, 0.5, 0.75, 1, found " + value);
        }
        return BY_CODE[code];
    }
}
