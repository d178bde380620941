package dev.apprentice.il.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one policy did.
 *
 * @param policy a display name, e.g. {@code "bc"}
 * @param normalizedReturn {@code (R - R_random) / (R_expert - R_random)} on the same seeds: 0 is
 *     the uniform random policy, 1 the expert
 * @param episodes episode statistics of the policy itself
 * @param actionAgreement share of held-out expert states where the policy's greedy action matches
 *     the expert's (discrete: equal; continuous: within 5% of the action range in every dimension)
 * @param actionMeanAbsoluteError mean absolute difference from the expert's action on those
 *     states (0 or 1 per state for discrete actions, i.e. the disagreement rate)
 */
public record EvaluationResult(String policy, double normalizedReturn, EpisodeStatistics episodes, double actionAgreement,
        double actionMeanAbsoluteError) {

    /** The result as a JSON-friendly map; undefined values (NaN) become null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy);
        m.put("normalizedReturn", normalizedReturn);
        m.put("meanReturn", episodes.meanReturn());
        m.put("sdReturn", episodes.sdReturn());
        m.put("minReturn", episodes.minReturn());
        m.put("maxReturn", episodes.maxReturn());
        m.put("meanLength", episodes.meanLength());
        m.put("terminationRate", episodes.terminationRate());
        m.put("episodes", episodes.episodes());
        m.put("actionAgreement", Double.isNaN(actionAgreement) ? null : actionAgreement);
        m.put("actionMeanAbsoluteError", Double.isNaN(actionMeanAbsoluteError) ? null : actionMeanAbsoluteError);
        return m;
    }
}
