package dev.apprentice.phonesecurity.model;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.apprentice.il.algorithms.meta.MetaMethod;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a neural owner policy starts before it is fitted to the owner's few enrolment samples, so
 * that few-shot enrolment can be compared (and offered) with each start.
 */
public enum PolicyInitialisation {
    /** Random weights: what training on the owner's samples alone gives. */
    SCRATCH(null),
    /** One network fitted to every population person's samples together, then fine-tuned like the meta-learned ones. */
    POOLED(MetaMethod.JOINT_PRETRAINING),
    /** MAML over population people (Finn, Abbeel and Levine 2017), second order. */
    MAML(MetaMethod.MAML),
    /** Reptile over population people (Nichol, Achiam and Schulman 2018). */
    REPTILE(MetaMethod.REPTILE);

    private final MetaMethod method;

    PolicyInitialisation(MetaMethod method) {
        this.method = method;
    }

    /** The core's meta-update that learns this initialisation; empty for {@link #SCRATCH}. */
    public Optional<MetaMethod> metaMethod() {
        return Optional.ofNullable(method);
    }

    /** The name in requests, reports and model cards: scratch, pooled, maml, reptile. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The initialisation with this id. */
    public static Optional<PolicyInitialisation> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst();
    }
}
