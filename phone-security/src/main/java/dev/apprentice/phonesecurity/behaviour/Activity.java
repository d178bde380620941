package dev.apprentice.phonesecurity.behaviour;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the holder was doing while the sample was captured; part of the context s of the owner's policy. */
public enum Activity {
    SITTING, STANDING, WALKING;

    /** The lower-case name used in JSON, Avro and reports, e.g. {@code walking}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activity with this id.
     *
     * @throws IllegalArgumentException naming the expected values
     */
    public static Activity fromId(String id) {
        for (Activity a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activity: expected one of sitting, standing, walking, found '" + id + "'");
    }
}
