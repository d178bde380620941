package dev.apprentice.il.registry;

import dev.apprentice.il.policy.Policy;

/** A verified policy from the registry together with its model card. */
public record LoadedPolicy(Policy policy, ModelCard card) {
}
