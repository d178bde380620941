package dev.apprentice.service.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One decision of a served policy.
 *
 * @param action discrete actions: the chosen action's name, e.g. {@code LANE_LEFT}; null when refused
 * @param probabilities discrete actions: each action's probability under the policy
 * @param values continuous actions: each dimension's value, by name
 * @param units continuous actions: each dimension's unit, by name
 * @param model the model id that decided
 * @param policyVersion the registry version that decided
 * @param refused whether the domain's guard refused the decision
 * @param guardReasons why the guard changed or refused the policy's action (absent when it passed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String action, Map<String, Double> probabilities, Map<String, Double> values,
        Map<String, String> units, String model, int policyVersion, Boolean refused, List<String> guardReasons) {
}
