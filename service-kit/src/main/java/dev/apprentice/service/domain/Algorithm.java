package dev.apprentice.service.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The imitation algorithms a domain's recipes may offer. */
public enum Algorithm {
    /** Behaviour cloning. */
    BC,
    /** DAgger (needs an expert to query). */
    DAGGER,
    /** GAIL with a PPO generator. */
    GAIL,
    /** RAIL: augmented random search against a discriminator reward. */
    RAIL;

    /** The name used in requests, configuration and model cards, e.g. {@code bc}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The algorithm with this id, if any. */
    public static Optional<Algorithm> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
