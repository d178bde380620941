package dev.apprentice.anesthesia.sim;

import java.util.Locale;

/** A patient's sex, a covariate of lean body mass and of the pharmacokinetic models. */
public enum Sex {
    FEMALE,
    MALE;

    /** The name used in requests and records, e.g. {@code female}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sex with this id ({@code female} or {@code male}). */
    public static Sex byId(String id) {
        for (Sex s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("sex: expected 'female' or 'male', found '" + id + "'");
    }
}
