package dev.apprentice.service.domain;

import java.util.List;

/**
 * What a {@link DecisionGuard} decided.
 *
 * @param action the action to answer with (possibly clamped), or null when refused
 * @param refused whether the decision is refused
 * @param reasons why the action was changed or refused (empty when passed unchanged)
 */
public record GuardVerdict(float[] action, boolean refused, List<String> reasons) {

    public GuardVerdict {
        reasons = List.copyOf(reasons);
    }

    /** The action passes unchanged. */
    public static GuardVerdict pass(float[] action) {
        return new GuardVerdict(action, false, List.of());
    }
}
