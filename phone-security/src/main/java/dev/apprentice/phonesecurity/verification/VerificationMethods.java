package dev.apprentice.phonesecurity.verification;

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

    /** The catalogued method with this {@link VerificationMethod#name()}. */
    public static Optional<VerificationMethod> byName(String name) {
        return baselines().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
