package dev.apprentice.service.training;

import dev.apprentice.service.domain.MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "if better" rule, the same for every domain: safety first, then quality. A candidate is
 * promoted when no safety metric is worse than the safest promoted version (every version still
 * in the promotion history, measured under the candidate's protocol) by more than its tolerance,
 * and its primary metric beats the served version's under that same protocol. Comparing with the
 * safest promoted version, not the served one, stops a metric from ratcheting a tolerance at a time.
 */
public final class PromotionJudge {

    private PromotionJudge() {
    }

    /**
     * The verdict.
     *
     * @param promote whether to promote
     * @param reasons what decided it
     */
    public record Verdict(boolean promote, List<String> reasons) {
    }

    /**
     * Judges a candidate.
     *
     * @param metrics the domain's metrics
     * @param primary the metric to beat (higher is better)
     * @param candidate the candidate's values
     * @param served the served version's values under the same protocol
     * @param promotedHistory values of every promoted version still in the history, same protocol (may include served)
     */
    public static Verdict judge(List<MetricSpec> metrics, String primary, Map<String, Double> candidate,
            Map<String, Double> served, List<Map<String, Double>> promotedHistory) {
        List<String> reasons = new ArrayList<>();
        boolean ok = true;
        for (MetricSpec spec : metrics) {
            if (!spec.safety()) {
                continue;
            }
            Double value = candidate.get(spec.name());
            if (value == null || value.isNaN()) {
                return new Verdict(false, List.of(spec.name() + ": not measured"));
            }
            Double best = null;
            List<Map<String, Double>> references = new ArrayList<>(promotedHistory);
            references.add(served);
            for (Map<String, Double> ref : references) {
                Double v = ref.get(spec.name());
                if (v != null && !v.isNaN() && (best == null || spec.worsening(v, best) < 0)) {
                    best = v;
                }
            }
            if (best != null && spec.worsening(value, best) > spec.tolerance() + 1e-12) {
                ok = false;
                reasons.add(spec.name() + " " + value + " is worse than the safest promoted version's " + best
                        + " by more than " + spec.tolerance());
            }
        }
        Double candidatePrimary = candidate.get(primary);
        Double servedPrimary = served.get(primary);
        if (candidatePrimary == null || servedPrimary == null || !(candidatePrimary > servedPrimary)) {
            ok = false;
            reasons.add(primary + " " + candidatePrimary + " does not beat the served version's " + servedPrimary);
        } else {
            reasons.add(primary + " " + candidatePrimary + " beats the served version's " + servedPrimary);
        }
        return new Verdict(ok, reasons);
    }
}
