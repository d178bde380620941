package dev.apprentice.anesthesia.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.service.domain.GuardVerdict;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeGuardTest {

    private final EnvelopeGuard guard = new EnvelopeGuard(new SafetyEnvelope(EnvelopeLimits.DEFAULT, 10));

    @Test
    void aRecommendationInsideTheEnvelopePassesUnchangedWithoutReasons() {
        GuardVerdict v = guard.review(observation(50, 80), new float[] {9, 0.25f});

        assertFalse(v.refused());
        assertArrayEquals(new float[] {9, 0.25f}, v.action());
        assertTrue(v.reasons().isEmpty(), v.reasons().toString());
    }

    @Test
    void aRecommendationOutsideIsClampedNotRefusedWithTheEnvelopesReasons() {
        // Given MAP 50 (no increase of either drug) and a policy asking for more of both
        float[] observation = observation(50, 50);

        // When the guard reviews it
        GuardVerdict v = guard.review(observation, new float[] {12, 0.4f});

        // Then the running rates come back, with one reason a drug
        assertFalse(v.refused());
        assertArrayEquals(new float[] {8, 0.2f}, v.action());
        assertEquals(2, v.reasons().size());
        assertTrue(v.reasons().get(0).startsWith("propofol:") && v.reasons().get(0).contains("MAP < 55.0"), v.reasons().get(0));
        assertTrue(v.reasons().get(1).startsWith("remifentanil:"), v.reasons().get(1));
    }

    @Test
    void aPolicyOutputOfNaNIsAnsweredWithTheMaintenanceMinimaNotPassedOn() {
        GuardVerdict v = guard.review(observation(50, 80), new float[] {Float.NaN, Float.NaN});

        assertFalse(v.refused());
        assertArrayEquals(new float[] {3, 0.03f}, v.action());
        assertEquals(2, v.reasons().size());
    }

    private static float[] observation(double bis, double map) {
        double[] history = new double[ClinicalObservation.BIS_HISTORY];
        Arrays.fill(history, bis);
        return new ClinicalObservation(new Covariates(50, Sex.FEMALE, 70, 165), 1800, CasePhase.MAINTENANCE, history, map,
                new InfusionRates(8, 0.2), 3, 4).toVector();
    }
}
