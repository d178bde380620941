package dev.apprentice.service.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.apprentice.il.algorithms.meta.MetaMethod;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The imitation algorithms a domain's recipes may offer, and the meta-learners the kit runs for a
 * domain with a {@link MetaLearningRecipe} (their jobs register a meta-model, never the shared policy).
 */
public enum Algorithm {
    /** Behaviour cloning. */
    BC,
    /** DAgger (needs an expert to query). */
    DAGGER,
    /** GAIL with a PPO generator. */
    GAIL,
    /** RAIL: augmented random search against a discriminator reward. */
    RAIL,
    /** MAML with its second-order term: a meta-model that adapts to one person. */
    MAML,
    /** First-order MAML: a meta-model that adapts to one person. */
    FOMAML,
    /** Reptile: a meta-model that adapts to one person. */
    REPTILE;

    /** The meta-learner behind a meta-learning algorithm; empty for the shared policy's algorithms. */
    public Optional<MetaMethod> metaMethod() {
        return switch (this) {
            case MAML -> Optional.of(MetaMethod.MAML);
            case FOMAML -> Optional.of(MetaMethod.FIRST_ORDER_MAML);
            case REPTILE -> Optional.of(MetaMethod.REPTILE);
            default -> Optional.empty();
        };
    }

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
