package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;

/**
 * Converts a decoded record of a domain's own schema into the generic {@link ExpertStep}: the
 * domain's encoder at the edge. Throws {@link IllegalArgumentException} naming the field when the
 * record cannot be converted; the ingester dead-letters it with that message.
 *
 * @param <T> the decoded record type
 */
@FunctionalInterface
public interface StepMapper<T> {

    /** The step this record describes. */
    ExpertStep toStep(T record);

    /** For topics whose codec already yields steps ({@link PayloadFormat#stepCodec()}). */
    static StepMapper<ExpertStep> identity() {
        return step -> step;
    }
}
