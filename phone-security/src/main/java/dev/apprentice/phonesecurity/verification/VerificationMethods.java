package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.model.ImitationScore;
import java.util.List;
import java.util.Optional;

/** The catalogue of verification methods a report can compare, by name. */
public final class VerificationMethods {

    private VerificationMethods() {
    }

    /** The non-imitation baselines, simplest first. */
    public static List<VerificationMethod> baselines() {
        return List.of(new ScaledManhattan(), new NearestNeighbours(), new GaussianDensity(), new LogisticRegression());
    }

    /** The imitation method fused, then its two halves alone: the owner's policy and the discriminator. */
    public static List<VerificationMethod> imitation() {
        return List.of(new ImitationMethod(ImitationScore.FUSED), new ImitationMethod(ImitationScore.POLICY),
                new ImitationMethod(ImitationScore.DISCRIMINATOR));
    }

    /** Every catalogued method: the baselines, then the imitation methods. */
    public static List<VerificationMethod> all() {
        return java.util.stream.Stream.concat(baselines().stream(), imitation().stream()).toList();
    }

    /** The catalogued method with this {@link VerificationMethod#name()}. */
    public static Optional<VerificationMethod> byName(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
