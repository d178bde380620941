package dev.apprentice.service.domain;

import java.util.List;

/**
 * How decision answers name actions: one name per discrete action, or one name and unit per
 * dimension of a continuous action.
 *
 * @param names action names (discrete) or dimension names (continuous)
 * @param units units per dimension (continuous), or empty for discrete actions
 */
public record ActionLabels(List<String> names, List<String> units) {

    public ActionLabels {
        names = List.copyOf(names);
        units = List.copyOf(units);
        if (!units.isEmpty() && units.size() != names.size()) {
            throw new IllegalArgumentException("units: expected one per dimension (" + names.size() + "), found "
                    + units.size());
        }
    }

    /** Names of discrete actions, by index. */
    public static ActionLabels discrete(List<String> names) {
        return new ActionLabels(names, List.of());
    }

    /** Names and units of the dimensions of a continuous action. */
    public static ActionLabels continuous(List<String> names, List<String> units) {
        return new ActionLabels(names, units);
    }

    /** Whether these label a continuous action. */
    public boolean continuous() {
        return !units.isEmpty();
    }
}
