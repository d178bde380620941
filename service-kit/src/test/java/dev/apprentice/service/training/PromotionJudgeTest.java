package dev.apprentice.service.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.domain.MetricSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionJudgeTest {

    static final List<MetricSpec> METRICS = List.of(
            MetricSpec.of("normalizedReturn", "normalised return", null, 3, MetricSpec.Direction.HIGHER_IS_BETTER),
            MetricSpec.safetyLowerIsBetter("collisionRate", "collision rate", "%", 1, 0.02));

    static Map<String, Double> m(double normalized, double collisions) {
        return Map.of("normalizedReturn", normalized, "collisionRate", collisions);
    }

    @Test
    void aBetterAndAsSafeCandidateIsPromoted() {
        assertTrue(PromotionJudge.judge(METRICS, "normalizedReturn", m(0.95, 0.02), m(0.90, 0.02), List.of()).promote());
    }

    @Test
    void aCandidateThatDoesNotBeatTheServedVersionIsNot() {
        assertFalse(PromotionJudge.judge(METRICS, "normalizedReturn", m(0.90, 0.0), m(0.90, 0.02), List.of()).promote());
    }

    @Test
    void safetyComesFirstWhateverTheReturn() {
        PromotionJudge.Verdict v = PromotionJudge.judge(METRICS, "normalizedReturn", m(0.99, 0.05), m(0.90, 0.02),
                List.of());
        assertFalse(v.promote(), v.reasons().toString());
    }

    @Test
    void aSafetyMetricCannotRatchetUpATolerancePerPromotion() {
        // v1 collided 2 %, v2 4 % (within the 2-point tolerance of v1, so promoted); v3 at 6 % is within
        // tolerance of the served v2 but not of the safest promoted version, v1.
        PromotionJudge.Verdict v3 = PromotionJudge.judge(METRICS, "normalizedReturn", m(0.99, 0.06), m(0.95, 0.04),
                List.of(m(0.90, 0.02)));
        assertFalse(v3.promote(), v3.reasons().toString());
        assertTrue(PromotionJudge.judge(METRICS, "normalizedReturn", m(0.99, 0.035), m(0.95, 0.04),
                List.of(m(0.90, 0.02))).promote());
    }
}
