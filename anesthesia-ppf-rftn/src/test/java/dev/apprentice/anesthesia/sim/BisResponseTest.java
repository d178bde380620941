package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BisResponseTest {

    /** Patient 1 of Ionescu 2008 with β = 0: additive. */
    private static final BisResponse ADDITIVE = new BisResponse(4.73, 24.97, 1.08, 0, 97.86, 89.62);

    @Test
    void withoutDrugBisIsTheBaseline() {
        assertEquals(97.86, ADDITIVE.bis(0, 0), 0);
        assertEquals(97.4, BisResponse.TYPICAL.bis(0, 0), 0);
    }

    @Test
    void atUnitPotencyBisIsHalfwayDownWhateverTheDrugMix() {
        double halfway = 97.86 - 89.62 / 2;

        double propofolAlone = ADDITIVE.bis(4.73, 0);
        double remifentanilAlone = ADDITIVE.bis(0, 24.97);
        // Up = Ur = 0.5 with β = 0: U = (0.5 + 0.5) / 1 = 1.
        double mixed = ADDITIVE.bis(4.73 / 2, 24.97 / 2);

        assertEquals(halfway, propofolAlone, 1e-9);
        assertEquals(halfway, remifentanilAlone, 1e-9);
        assertEquals(halfway, mixed, 1e-9);
    }

    @Test
    void withSynergyAnEvenMixtureDeepensTheHypnosisBeyondTheAdditiveModel() {
        BisResponse synergistic = new BisResponse(4.73, 24.97, 1.08, 0.8, 97.86, 89.62);

        double additive = ADDITIVE.bis(4.73 / 2, 24.97 / 2);
        double withSynergy = synergistic.bis(4.73 / 2, 24.97 / 2);

        // θ = 0.5: U = 1 / (1 − 0.8·0.5 + 0.8·0.25) = 1 / 0.8 = 1.25.
        assertEquals(1.25, synergistic.potency(4.73 / 2, 24.97 / 2), 1e-12);
        assertTrue(withSynergy < additive, "synergy " + withSynergy + " vs additive " + additive);
        // A single drug has θ = 0 or 1, where β has no effect.
        assertEquals(ADDITIVE.bis(4.73, 0), synergistic.bis(4.73, 0), 1e-12);
    }

    @Test
    void aPatientWhoseEmaxExceedsE0IsFlooredAtZero() {
        // Patient 2 of Ionescu 2008: E0 89.10 < Emax 98.86.
        BisResponse patient2 = new BisResponse(4.43, 19.33, 1.16, 0.29, 89.10, 98.86);

        double deep = patient2.bis(200, 2000);

        assertEquals(0.0, deep, 0);
        assertTrue(patient2.bis(4.43, 0) > 0);
    }

    @Test
    void negativeConcentrationsCountAsNoDrug() {
        assertEquals(97.86, ADDITIVE.bis(-1, -5), 0);
    }

    @Test
    void rejectsAnImpossibleBaselineNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BisResponse(4.47, 19.3, 1.43, 0, 120, 97.4));

        assertTrue(e.getMessage().startsWith("e0:"), e.getMessage());
    }
}
