package dev.apprentice.phonesecurity.verification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The catalogue of verification methods a report can compare, by name. */
public final class VerificationMethods {

    private VerificationMethods() {
    }

    /** The non-imitation baselines, simplest first. */
    public static List<VerificationMethod> baselines() {
        return Arrays.stream(MethodChoice.values()).filter(c -> !c.imitation()).map(MethodChoice::method).toList();
    }

    /** The imitation method fused, then its two halves alone: the owner's policy and the discriminator. */
    public static List<VerificationMethod> imitation() {
        return Arrays.stream(MethodChoice.values()).filter(MethodChoice::imitation).map(MethodChoice::method).toList();
    }

    /** Every catalogued method: the baselines, then the imitation methods. */
    public static List<VerificationMethod> all() {
        return Arrays.stream(MethodChoice.values()).map(MethodChoice::method).toList();
    }

    /** The catalogued method with this {@link VerificationMethod#name()}. */
    public static Optional<VerificationMethod> byName(String name) {
        return MethodChoice.byId(name).map(MethodChoice::method);
    }
}
