package dev.apprentice.service.serving;

import dev.apprentice.il.data.StateProfile;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.ModelCard;

/**
 * A policy in memory, ready to decide.
 *
 * @param model the model id
 * @param version its registry version
 * @param card its model card
 * @param policy the policy (acts on the domain's features)
 * @param profile where its training states lie, or null for versions trained before profiles were kept
 */
public record ServedPolicy(String model, int version, ModelCard card, Policy policy, StateProfile profile) {
}
