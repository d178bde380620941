package dev.apprentice.phonesecurity.behaviour;

import dev.apprentice.il.spaces.Box;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The context s in which the owner acts, and its raw observation vector, defined here only:
 * {@code [activity index, app index, local hour or -1]}. Indices are the enums' ordinals
 * ({@link Activity}: sitting 0, standing 1, walking 2; {@link App}: unknown 0, then the catalogue);
 * an unknown hour is -1, so recorded data without a clock share the space. The vector is raw on
 * purpose: one-hot or cyclic encodings belong to the policy's observation encoder.
 *
 * @param activity what the holder was doing
 * @param app the app in the foreground
 * @param localHour the hour of day on the phone's clock (0 to 23), or empty when unknown
 */
public record BehaviourContext(Activity activity, App app, OptionalInt localHour) {

    /** The vector's width. */
    public static final int WIDTH = 3;
    /** Position of the activity index. */
    public static final int ACTIVITY = 0;
    /** Position of the app index. */
    public static final int APP = 1;
    /** Position of the local hour. */
    public static final int LOCAL_HOUR = 2;
    /** The local hour's value when it is unknown. */
    public static final int UNKNOWN_HOUR = -1;

    private static final Box SPACE = new Box(new float[] {0, 0, UNKNOWN_HOUR},
            new float[] {Activity.values().length - 1, App.values().length - 1, 23});

    public BehaviourContext {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(localHour, "localHour");
        if (localHour.isPresent() && (localHour.getAsInt() < 0 || localHour.getAsInt() > 23)) {
            throw new IllegalArgumentException("localHour: expected an hour in [0, 23] or none, found "
                    + localHour.getAsInt());
        }
    }

    /** The observation space: the three indices within their ranges. */
    public static Box space() {
        return SPACE;
    }

    /** The raw observation vector. */
    public float[] toVector() {
        return new float[] {activity.ordinal(), app.ordinal(), localHour.orElse(UNKNOWN_HOUR)};
    }

    /**
     * The context a raw observation vector describes.
     *
     * @throws IllegalArgumentException naming the position when the vector is not one of this layout
     */
    public static BehaviourContext fromVector(float[] state) {
        if (state == null || state.length != WIDTH) {
            throw new IllegalArgumentException("state: expected " + WIDTH + " values [activity, app, local hour], found "
                    + (state == null ? "null" : state.length));
        }
        int activity = index(state, ACTIVITY, "activity");
        int app = index(state, APP, "app");
        int hour = index(state, LOCAL_HOUR, "local hour");
        return new BehaviourContext(Activity.values()[activity], App.values()[app],
                hour == UNKNOWN_HOUR ? OptionalInt.empty() : OptionalInt.of(hour));
    }

    private static int index(float[] state, int position, String name) {
        float v = state[position];
        if (!(v >= SPACE.low(position) && v <= SPACE.high(position)) || v != Math.rint(v)) {
            throw new IllegalArgumentException("state[" + position + "] (" + name + "): expected a whole number in ["
                    + (int) SPACE.low(position) + ", " + (int) SPACE.high(position) + "], found another value");
        }
        return (int) v;
    }
}
