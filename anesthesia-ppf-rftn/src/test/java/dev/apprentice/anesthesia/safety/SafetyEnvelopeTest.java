package dev.apprentice.anesthesia.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.Sex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SafetyEnvelopeTest {

    private static final SafetyEnvelope ENVELOPE = new SafetyEnvelope(EnvelopeLimits.DEFAULT, 10);

    @Test
    void maintenancePropofolBelowTheMinimumIsRaisedToItNamingTheMaintenanceMinimum() {
        assertClamped(maintenance(70, 50, 80, new InfusionRates(5, 0.2)), new InfusionRates(1, 0.2),
                new InfusionRates(3, 0.2), "propofol", "maintenance minimum");
    }

    @Test
    void maintenancePropofolAboveTheMaximumIsLoweredToItNamingTheMaintenanceMaximum() {
        assertClamped(maintenance(70, 50, 80, new InfusionRates(19, 0.2)), new InfusionRates(22, 0.2),
                new InfusionRates(20, 0.2), "propofol", "maintenance maximum");
    }

    @Test
    void inductionPropofolAboveTheInductionMaximumIsLoweredNamingIt() {
        // 150 mg/kg/h for 70 kg is 2.9 mg/s, under the hard maximum of 3.33 mg/s
        assertClamped(observation(70, CasePhase.INDUCTION, 90, 80, InfusionRates.ZERO), new InfusionRates(160, 0),
                new InfusionRates(150, 0), "propofol", "induction maximum");
    }

    @Test
    void propofolAboveTheHardMaximumInMgPerSecondIsLoweredForAHeavyPatient() {
        // 3.33 mg/s for 120 kg is 99.9 mg/kg/h, under the induction maximum of 150
        assertClamped(observation(120, CasePhase.INDUCTION, 90, 80, InfusionRates.ZERO), new InfusionRates(140, 0),
                new InfusionRates(99.9, 0), "propofol", "hard maximum of 3.33 mg/s");
    }

    @Test
    void remifentanilAboveTheHardMaximumInMicrogramsPerSecondIsLoweredInInduction() {
        // 8.33 µg/s for 250 kg is 1.9992 µg/kg/min
        assertClamped(observation(250, CasePhase.INDUCTION, 90, 80, InfusionRates.ZERO), new InfusionRates(0, 3),
                new InfusionRates(0, 8.33 * 60 / 250), "remifentanil", "hard maximum of 8.33 µg/s");
    }

    @Test
    void maintenanceRemifentanilOutsideItsRangeIsBroughtToTheNearestEndNamingIt() {
        assertClamped(maintenance(70, 50, 80, new InfusionRates(8, 1.4)), new InfusionRates(8, 1.6),
                new InfusionRates(8, 1.5), "remifentanil", "maintenance maximum");
        assertClamped(maintenance(70, 50, 80, new InfusionRates(8, 0.1)), new InfusionRates(8, 0.01),
                new InfusionRates(8, 0.03), "remifentanil", "maintenance minimum");
    }

    @Test
    void aMaintenanceIncreaseIsBoundedPerMinuteOverTheTenSecondDecision() {
        // 30 mg/kg/h and 1.2 µg/kg/min per minute are 5 and 0.2 per 10 s decision
        assertClamped(maintenance(70, 55, 80, new InfusionRates(8, 0.2)), new InfusionRates(19, 0.2),
                new InfusionRates(13, 0.2), "propofol", "largest increase of 30.0 mg/kg/h per minute");
        assertClamped(maintenance(70, 55, 80, new InfusionRates(8, 0.2)), new InfusionRates(8, 1),
                new InfusionRates(8, 0.4), "remifentanil", "largest increase of 1.2 µg/kg/min per minute");
    }

    @Test
    void propofolIsNotIncreasedWhileBisIsBelowFortyButRemifentanilMayBe() {
        assertClamped(maintenance(70, 35, 80, new InfusionRates(8, 0.2)), new InfusionRates(10, 0.25),
                new InfusionRates(8, 0.25), "propofol", "no increase while BIS < 40.0");
    }

    @Test
    void neitherDrugIsIncreasedWhileMapIsBelowFiftyFive() {
        // Given MAP 50 mmHg in maintenance
        ClinicalObservation o = maintenance(70, 55, 50, new InfusionRates(8, 0.2));

        // When the policy asks for more of both
        SafetyEnvelope.Clamped c = ENVELOPE.clamp(o, new InfusionRates(10, 0.25));

        // Then both stay at their running rates, each with the MAP rule named
        assertEquals(new InfusionRates(8, 0.2), c.rates());
        assertEquals(2, c.reasons().size(), c.reasons().toString());
        assertTrue(c.reasons().stream().allMatch(r -> r.contains("no increase while MAP < 55.0 mmHg")), c.reasons().toString());
    }

    @Test
    void holdingARunningRateBelowTheMinimumWinsOverRaisingItWhileBisIsLow() {
        // Given maintenance propofol running at 2 mg/kg/h (below the minimum of 3) with BIS 30
        ClinicalObservation o = maintenance(70, 30, 80, new InfusionRates(2, 0.2));

        // When the policy asks for 1
        SafetyEnvelope.Clamped c = ENVELOPE.clamp(o, new InfusionRates(1, 0.2));

        // Then the rate is held at 2, naming the BIS rule, and that counts as inside
        assertEquals(new InfusionRates(2, 0.2), c.rates());
        assertTrue(c.reasons().get(0).contains("no increase while BIS < 40.0"), c.reasons().toString());
        assertEquals(java.util.List.of(), ENVELOPE.violations(o, c.rates()));
    }

    @Test
    void aPolicyThatGaveNoNumberGetsTheLowestSafeRateAndSaysSo() {
        SafetyEnvelope.Clamped c = ENVELOPE.clamp(maintenance(70, 50, 80, new InfusionRates(8, 0.2)),
                new InfusionRates(Double.NaN, Double.NaN));

        assertEquals(new InfusionRates(3, 0.03), c.rates());
        assertTrue(c.reasons().get(0).startsWith("propofol: the policy gave no number"), c.reasons().toString());
        assertTrue(c.reasons().get(1).startsWith("remifentanil: the policy gave no number"), c.reasons().toString());
    }

    @Test
    void aNegativeRateInInductionIsRaisedToZeroNamingIt() {
        assertClamped(observation(70, CasePhase.INDUCTION, 90, 80, InfusionRates.ZERO), new InfusionRates(-0.5, 0),
                new InfusionRates(0, 0), "propofol", "no negative rate");
    }

    @Test
    void holdingARunningRateThatWentThroughMilligramsPerSecondAndBackIsNotAClamp() {
        // Given a running rate an ulp off 2 mg/kg/h, as 2 mg/kg/h for 59 kg comes back from mg/s, and BIS 35
        InfusionRates running = InfusionRates.perKg(new InfusionRates(2, 0.2).propofolMgPerSecond(59), 0.2 * 59 / 60, 59);
        ClinicalObservation o = maintenance(59, 35, 80, running);

        // When the policy keeps 2 mg/kg/h
        SafetyEnvelope.Clamped c = ENVELOPE.clamp(o, new InfusionRates(2, running.remifentanil()));

        // Then nothing is clamped (the rate is the running one to within rounding)
        assertTrue(running.propofol() != 2, "the conversion is inexact for this weight: " + running.propofol());
        assertFalse(c.clamped(), c.reasons().toString());
    }

    private static void assertClamped(ClinicalObservation o, InfusionRates proposal, InfusionRates expected, String drug,
            String rule) {
        SafetyEnvelope.Clamped c = ENVELOPE.clamp(o, proposal);

        assertEquals(expected.propofol(), c.rates().propofol(), 1e-12, c.reasons().toString());
        assertEquals(expected.remifentanil(), c.rates().remifentanil(), 1e-12, c.reasons().toString());
        assertEquals(1, c.reasons().size(), c.reasons().toString());
        assertTrue(c.reasons().get(0).startsWith(drug + ":") && c.reasons().get(0).endsWith("(" + rule + ")"),
                c.reasons().get(0));
        assertEquals(java.util.List.of(), ENVELOPE.violations(o, c.rates()));
        assertFalse(ENVELOPE.violations(o, proposal).isEmpty(), "the proposal itself violates the envelope");
    }

    private static ClinicalObservation maintenance(double weight, double bis, double map, InfusionRates running) {
        return observation(weight, CasePhase.MAINTENANCE, bis, map, running);
    }

    private static ClinicalObservation observation(double weight, CasePhase phase, double bis, double map,
            InfusionRates running) {
        double[] history = new double[ClinicalObservation.BIS_HISTORY];
        Arrays.fill(history, bis);
        return new ClinicalObservation(new Covariates(45, Sex.MALE, weight, 180), phase == CasePhase.MAINTENANCE ? 1200 : 120,
                phase, history, map, running, 3, 4);
    }
}
