package dev.apprentice.phonesecurity.verification;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import java.util.Arrays;
import java.util.Locale;

/** Which of a sample's features a method sees: typing timings, motion statistics, or both. */
public enum FeatureSet {
    TOUCH(0, BehaviourLayout.TOUCH),
    SENSOR(BehaviourLayout.TOUCH, BehaviourLayout.FEATURES),
    BOTH(0, BehaviourLayout.FEATURES);

    private final int from;
    private final int to;

    FeatureSet(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** Features in this set. */
    public int dimension() {
        return to - from;
    }

    /** This set's slice of a full {@link BehaviourLayout#FEATURES}-value sample. */
    public float[] select(float[] all) {
        if (all.length != BehaviourLayout.FEATURES) {
            throw new IllegalArgumentException("features: expected " + BehaviourLayout.FEATURES + " values, found " + all.length);
        }
        return from == 0 && to == all.length ? all : Arrays.copyOfRange(all, from, to);
    }

    /** The lower-case name used in reports and JSON, e.g. {@code sensor}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
