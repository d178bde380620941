package dev.apprentice.lanechange.serving;

import java.util.Map;

/**
 * One decision of the served policy.
 *
 * @param action the chosen meta-action, e.g. {@code LANE_LEFT}
 * @param probabilities each meta-action's probability under the policy (a deterministic policy
 *     puts 1 on its choice)
 * @param policyVersion the registry version that decided
 */
public record Decision(String action, Map<String, Double> probabilities, int policyVersion) {
}
