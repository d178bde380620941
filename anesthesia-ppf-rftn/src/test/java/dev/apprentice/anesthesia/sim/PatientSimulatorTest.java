package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.Covariates;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatientSimulatorTest {

    private static final Patient PATIENT = new Patient(new Covariates(45, Sex.FEMALE, 65, 165),
            new BisResponse(4.47, 19.3, 1.43, 0.5, 95.5, 95.5), 88);
    private static final int HOUR = 3600;

    private static PatientSimulator quiet(MonitorNoise noise) {
        return new PatientSimulator(PATIENT, PropofolModel.SCHNIDER, SurgicalStimulation.none(2 * HOUR), noise, 1);
    }

    @Test
    void withoutDrugNoiseOrStimulationBisStaysAtE0AndMapAtBaseline() {
        PatientSimulator sim = quiet(MonitorNoise.NONE);

        for (int t = 0; t < 2 * HOUR; t++) {
            sim.step(0, 0);

            assertEquals(95.5, sim.bisShown(), 0);
            assertEquals(95.5, sim.bisTrue(), 0);
            assertEquals(88, sim.mapShown(), 0);
            assertEquals(88, sim.mapTrue(), 0);
        }
        assertEquals(2 * HOUR, sim.second());
    }

    @Test
    void thePumpsDeliverNoMoreThanTheirLimitsAndNeverANegativeRate() {
        PatientSimulator sim = quiet(MonitorNoise.NONE);

        sim.step(100, 1000);

        assertEquals(6.67, sim.propofolDelivered(), 0);
        assertEquals(16.67, sim.remifentanilDelivered(), 0);
        assertEquals(6.67 / 4.27, sim.propofolPlasma(), 1e-12, "the central compartment got 6.67 mg, not 100");

        sim.step(-2, -1);

        assertEquals(0, sim.propofolDelivered(), 0);
        assertEquals(0, sim.remifentanilDelivered(), 0);
    }

    @Test
    void theBisMonitorShowsTheBrainsBisExactlyItsDelayLater() {
        int delay = 15;
        PatientSimulator sim = quiet(new MonitorNoise(delay, 0, 1, 0));
        int start = 20;
        int seconds = 600;
        double[] trueBis = new double[seconds + 1];
        double[] shownBis = new double[seconds + 1];
        trueBis[0] = sim.bisTrue();
        shownBis[0] = sim.bisShown();

        for (int t = 1; t <= seconds; t++) {
            sim.step(t > start ? 3 : 0, 0);
            trueBis[t] = sim.bisTrue();
            shownBis[t] = sim.bisShown();
        }

        int trueFalls = firstBelow(trueBis, 95.5);
        int shownFalls = firstBelow(shownBis, 95.5);
        // The dose of second 21 reaches V1 at its end and the effect site one second later.
        assertEquals(start + 2, trueFalls);
        assertEquals(trueFalls + delay, shownFalls);
        for (int t = delay; t <= seconds; t++) {
            assertEquals(trueBis[t - delay], shownBis[t], 0, "second " + t);
        }
    }

    private static int firstBelow(double[] values, double level) {
        for (int t = 0; t < values.length; t++) {
            if (values[t] < level) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void theBisNoiseHasTheConfiguredStandardDeviation() {
        PatientSimulator sim = quiet(new MonitorNoise(0, 3, 10, 0));
        double sum = 0;
        double squares = 0;
        int n = 0;

        for (int t = 0; t < 30 * HOUR; t++) {
            // About 6 mg/min keeps BIS near 50, away from the clipping at 0 and 100.
            sim.step(0.1, 0);
            if (t >= HOUR) {
                double residual = sim.bisShown() - sim.bisTrue();
                sum += residual;
                squares += residual * residual;
                n++;
            }
        }

        assertTrue(sim.bisTrue() > 30 && sim.bisTrue() < 70, "BIS " + sim.bisTrue());
        double mean = sum / n;
        double sd = Math.sqrt(squares / n - mean * mean);
        assertEquals(3.0, sd, 0.3);
    }

    @Test
    void theSameSeedsGiveIdenticalTracesAndAnotherNoiseSeedDoesNot() {
        double[][] first = trace(11);
        double[][] again = trace(11);
        double[][] other = trace(12);

        assertArrayEquals(first[0], again[0], 0);
        assertArrayEquals(first[1], again[1], 0);
        assertFalse(Arrays.equals(first[0], other[0]));
    }

    private static double[][] trace(long noiseSeed) {
        SurgicalStimulation stimulation = SurgicalStimulation.random(HOUR, new SplittableRandom(5));
        PatientSimulator sim = new PatientSimulator(PATIENT, PropofolModel.ELEVELD, stimulation, MonitorNoise.DEFAULT,
                noiseSeed);
        double[] bis = new double[HOUR];
        double[] map = new double[HOUR];
        for (int t = 0; t < HOUR; t++) {
            sim.step(t < 60 ? 2 : 0.12 + 0.05 * Math.sin(t / 300.0), 0.1);
            bis[t] = sim.bisShown();
            map[t] = sim.mapShown();
        }
        return new double[][] {bis, map};
    }

    @Test
    void propofolLowersTheBloodPressure() {
        PatientSimulator sim = quiet(MonitorNoise.NONE);

        for (int t = 0; t < 600; t++) {
            sim.step(0.2, 0);
        }

        assertTrue(sim.propofolEffectSite() > 2, "Ce " + sim.propofolEffectSite());
        assertTrue(sim.mapTrue() < 88 * 0.9, "MAP " + sim.mapTrue());
        assertEquals(sim.mapTrue(), sim.mapShown(), 0);
    }
}
