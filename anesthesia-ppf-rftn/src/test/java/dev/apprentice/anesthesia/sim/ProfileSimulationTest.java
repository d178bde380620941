package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.Covariates;
import org.junit.jupiter.api.Test;

class ProfileSimulationTest {

    private static final Patient SAMPLE = new Patient(new Covariates(80, Sex.MALE, 75, 172), BisResponse.TYPICAL, 90);

    @Test
    void aConstantSixPointZeroZeroEightMgPerSecondGivesCpOnePointFourZeroSevenAfterOneSecond() {
        ProfileSimulation.Profile p = ProfileSimulation.run(SAMPLE, PropofolModel.SCHNIDER, new double[] {6.008},
                new double[] {0});

        assertEquals(1.407, p.propofolPlasma()[0], 5e-4);
    }

    @Test
    void matchesThePatientSimulatorWithoutNoiseOrStimulationSecondBySecond() {
        // Given a profile of an induction bolus, a pause and maintenance of both drugs, and beyond the pumps' limits
        int n = 1800;
        double[] propofol = new double[n];
        double[] remifentanil = new double[n];
        for (int i = 0; i < n; i++) {
            propofol[i] = i < 30 ? 8 : i < 120 ? 0 : 0.2;
            remifentanil[i] = i < 5 ? 20 : 0.25;
        }
        Patient patient = PatientCohort.ionescu2008().get(4);
        PatientSimulator s = new PatientSimulator(patient, PropofolModel.ELEVELD, SurgicalStimulation.none(n),
                MonitorNoise.NONE, 0);

        // When both run it
        ProfileSimulation.Profile p = ProfileSimulation.run(patient, PropofolModel.ELEVELD, propofol, remifentanil);

        // Then every second agrees exactly
        for (int i = 0; i < n; i++) {
            s.step(propofol[i], remifentanil[i]);
            assertEquals(s.propofolPlasma(), p.propofolPlasma()[i], 0, "second " + i);
            assertEquals(s.propofolEffectSite(), p.propofolEffectSite()[i], 0, "second " + i);
            assertEquals(s.remifentanilPlasma(), p.remifentanilPlasma()[i], 0, "second " + i);
            assertEquals(s.remifentanilEffectSite(), p.remifentanilEffectSite()[i], 0, "second " + i);
            assertEquals(s.bisTrue(), p.bis()[i], 0, "second " + i);
            assertEquals(s.mapTrue(), p.map()[i], 0, "second " + i);
        }
        assertTrue(p.bis()[n - 1] < 70, "the profile anaesthetises: BIS " + p.bis()[n - 1]);
    }

    @Test
    void mismatchedLengthsNoSecondsAndMoreThanSixHoursAreRefused() {
        assertRefused(new double[10], new double[9]);
        assertRefused(new double[0], new double[0]);
        assertRefused(new double[ProfileSimulation.MAX_SECONDS + 1], new double[ProfileSimulation.MAX_SECONDS + 1]);
        assertEquals(ProfileSimulation.MAX_SECONDS, ProfileSimulation.run(SAMPLE, PropofolModel.SCHNIDER,
                new double[ProfileSimulation.MAX_SECONDS], new double[ProfileSimulation.MAX_SECONDS]).bis().length);
    }

    private static void assertRefused(double[] propofol, double[] remifentanil) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileSimulation.run(SAMPLE, PropofolModel.SCHNIDER, propofol, remifentanil));

        assertTrue(e.getMessage().startsWith("rates:"), e.getMessage());
    }
}
