package dev.apprentice.lanechange.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The five high-level decisions a lane-change policy makes once per decision step; the ego's
 * speed and lane controllers turn them into throttle and steering. Indices follow highway-env's
 * {@code DiscreteMetaAction} so that figures are comparable.
 */
public enum MetaAction {
    /** Move one lane to the left (towards lane 0), if there is one. */
    LANE_LEFT,
    /** Keep the current target lane and target speed. */
    IDLE,
    /** Move one lane to the right (towards the highest lane index), if there is one. */
    LANE_RIGHT,
    /** Raise the target speed by one step of {@link HighwayConfig#targetSpeeds()}. */
    FASTER,
    /** Lower the target speed by one step of {@link HighwayConfig#targetSpeeds()}. */
    SLOWER;

    private static final MetaAction[] VALUES = values();

    /** The action's index in the discrete action space. */
    public int index() {
        return ordinal();
    }

    /** The action encoded as the one-element vector {@link dev.apprentice.il.env.Environment#step} takes. */
    public float[] vector() {
        return new float[] {ordinal()};
    }

    /** The action with this index; names the valid range otherwise. */
    public static MetaAction ofIndex(int index) {
        if (index < 0 || index >= VALUES.length) {
            throw new IllegalArgumentException("action: expected an index in [0, " + (VALUES.length - 1) + "], found " + index);
        }
        return VALUES[index];
    }

    /** The action with this name, case-insensitively; lists the valid names otherwise. */
    public static MetaAction byName(String name) {
        if (name != null) {
            for (MetaAction a : VALUES) {
                if (a.name().equalsIgnoreCase(name.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("action: expected one of " + Arrays.toString(VALUES) + ", found '" + name + "'");
    }

    /** Lower-case, hyphenated name for tables and logs, e.g. {@code lane-left}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
