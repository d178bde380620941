package dev.apprentice.phonesecurity.model;

import java.util.Locale;

/** Which part of the owner's imitation model scores a sample. */
public enum ImitationScore {
    /** log π_owner(a | s) − log π_population(a | s): the owner's behaviour policy against everyone's. */
    POLICY,
    /** The discriminator's logit D(s, a): owner against other people. */
    DISCRIMINATOR,
    /** Both, each normalised by its scores on other people, weighted and added. */
    FUSED;

    /** The name in reports, e.g. {@code imitation-policy}. */
    public String methodName() {
        return this == FUSED ? "imitation" : "imitation-" + name().toLowerCase(Locale.ROOT);
    }
}
