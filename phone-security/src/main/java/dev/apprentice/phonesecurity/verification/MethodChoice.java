package dev.apprentice.phonesecurity.verification;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.apprentice.phonesecurity.model.ImitationScore;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The verification methods a report or an evaluation request can name, as a closed choice. */
public enum MethodChoice {
    SCALED_MANHATTAN(ScaledManhattan::new),
    NEAREST_NEIGHBOURS(NearestNeighbours::new),
    GAUSSIAN_DENSITY(GaussianDensity::new),
    LOGISTIC_REGRESSION(LogisticRegression::new),
    IMITATION(() -> new ImitationMethod(ImitationScore.FUSED)),
    IMITATION_POLICY(() -> new ImitationMethod(ImitationScore.POLICY)),
    IMITATION_DISCRIMINATOR(() -> new ImitationMethod(ImitationScore.DISCRIMINATOR));

    private final Supplier<VerificationMethod> factory;

    MethodChoice(Supplier<VerificationMethod> factory) {
        this.factory = factory;
    }

    /** The name in reports, requests and settings, e.g. {@code logistic-regression}; the method's own name. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A new instance of the method. */
    public VerificationMethod method() {
        return factory.get();
    }

    /** Whether this is one of the imitation methods (the others are baselines). */
    public boolean imitation() {
        return name().startsWith("IMITATION");
    }

    /** The choice with this id. */
    public static Optional<MethodChoice> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
