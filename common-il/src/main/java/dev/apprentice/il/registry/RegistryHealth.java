package dev.apprentice.il.registry;

import java.util.List;

/**
 * What a model's promotion record looked like when read, so that services and tools can show
 * damage the registry recovered from instead of failing on it.
 *
 * @param model the model id
 * @param damage what was found damaged and how the promotion stack was recovered, in the order
 *     found; empty when {@code promotions.json} read cleanly
 */
public record RegistryHealth(String model, List<String> damage) {

    public RegistryHealth {
        damage = List.copyOf(damage);
    }

    /** Whether the promotion record read cleanly. */
    public boolean intact() {
        return damage.isEmpty();
    }
}
