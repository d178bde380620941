package dev.apprentice.anesthesia.expert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.BisResponse;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.CaseTrace;
import dev.apprentice.anesthesia.sim.InfusionPumps;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TciAnaesthesiologistTest {

    private final TciAnaesthesiologist tci = new TciAnaesthesiologist();

    @Test
    void keepsTheCohortInTheBisBandAtLeastEightyFivePercentOfMaintenance() {
        CohortMetrics cohort = CohortMetrics.of(CaseRunner.cohort(tci, 1, CaseSettings.DEFAULT));

        assertTrue(cohort.mean().timeInBand() >= 0.85, "time in BIS 40-60: " + cohort.mean().timeInBand());
        assertTrue(cohort.mean().secondsToBis60() >= 60 && cohort.mean().secondsToBis60() <= 300,
                "time to BIS < 60: " + cohort.mean().secondsToBis60() + " s");
    }

    @Test
    void lowersItsPropofolTargetWhenBisStaysBelowForty() {
        // Given a patient induced (BIS 70 until the target has been raised) and then settled at 50
        Covariates patient = new Covariates(45, Sex.FEMALE, 65, 165);
        TciAnaesthesiologist.Controller controller = tci.startCase(patient);
        InfusionRates running = InfusionRates.ZERO;
        int t = 0;
        for (; t < 300; t += 10) {
            running = controller.decide(observation(patient, t, 70, running));
        }
        for (; t < 900; t += 10) {
            running = controller.decide(observation(patient, t, 50, running));
        }
        double settled = controller.propofolTarget();

        // When BIS stays at 35 for three minutes
        for (; t < 1080; t += 10) {
            running = controller.decide(observation(patient, t, 35, running));
        }

        // Then the propofol target is lower
        assertTrue(controller.propofolTarget() < settled, controller.propofolTarget() + " vs " + settled);
    }

    private static ClinicalObservation observation(Covariates patient, int t, double bis, InfusionRates running) {
        double[] history = new double[ClinicalObservation.BIS_HISTORY];
        Arrays.fill(history, bis);
        return new ClinicalObservation(patient, t, CasePhase.at(t), history, 80, running, 0, 0);
    }

    @Test
    void neverAsksForMoreThanThePumpOrTheActionSpaceAllows() {
        // A 35 kg patient, for whom the per-kg bounds are below the pumps' limits, and the cohort
        List<Patient> patients = new ArrayList<>(PatientCohort.ionescu2008());
        patients.add(new Patient(new Covariates(18, Sex.FEMALE, 35, 150), BisResponse.TYPICAL, 90));
        for (int i = 0; i < patients.size(); i++) {
            Patient patient = patients.get(i);
            double weight = patient.weightKg();
            double propofolCap = Math.min(600, InfusionPumps.PROPOFOL_MAX_MG_PER_S * 3600 / weight);
            double remifentanilCap = Math.min(25, InfusionPumps.REMIFENTANIL_MAX_UG_PER_S * 60 / weight);
            InfusionController controller = tci.startCase(patient.covariates());
            SimulatedCase simulatedCase = new SimulatedCase(patient, i, CaseSettings.DEFAULT);
            double highestPropofol = 0;
            double highestRemifentanil = 0;
            while (!simulatedCase.done()) {
                InfusionRates rates = controller.decide(simulatedCase.observation());
                highestPropofol = Math.max(highestPropofol, rates.propofol());
                highestRemifentanil = Math.max(highestRemifentanil, rates.remifentanil());
                simulatedCase.apply(rates);
            }
            assertTrue(highestPropofol <= propofolCap * (1 + 1e-12), "patient " + i + ": propofol " + highestPropofol);
            assertTrue(highestRemifentanil <= remifentanilCap * (1 + 1e-12),
                    "patient " + i + ": remifentanil " + highestRemifentanil);
        }
    }

    @Test
    void givesTheSameRatesForTheSameCase() {
        Patient patient = PatientCohort.forSeed(7);

        CaseTrace first = CaseRunner.run(tci.startCase(patient.covariates()), new SimulatedCase(patient, 7, CaseSettings.DEFAULT));
        CaseTrace second = CaseRunner.run(tci.startCase(patient.covariates()), new SimulatedCase(patient, 7, CaseSettings.DEFAULT));

        assertEquals(first.length(), second.length());
        assertArrayEquals(rates(first), rates(second));
    }

    @Test
    void showsThePatientsOwnTargetsInTheObservedEffectSitesDuringMaintenance() {
        // given the cohort's cases under TCI, from 15 minutes on (after the opening the adaptation reads)
        List<Patient> cohort = PatientCohort.ionescu2008();
        double[] meanTargets = new double[cohort.size()];
        double absoluteGap = 0;
        int decisions = 0;

        // when each decision's propofol target is set beside the effect site the observation shows
        for (int p = 0; p < cohort.size(); p++) {
            SimulatedCase simulated = new SimulatedCase(cohort.get(p), p, CaseSettings.DEFAULT);
            TciAnaesthesiologist.Controller controller = tci.startCase(cohort.get(p).covariates());
            int maintenance = 0;
            while (!simulated.done()) {
                ClinicalObservation o = simulated.observation();
                InfusionRates rates = controller.decide(o);
                if (simulated.trace().length() >= 900) {
                    meanTargets[p] += controller.propofolTarget();
                    absoluteGap += Math.abs(controller.propofolTarget() - o.toVector()[ClinicalObservation.PROPOFOL_CE]);
                    maintenance++;
                }
                simulated.apply(rates);
            }
            meanTargets[p] /= maintenance;
            decisions += maintenance;
        }

        // then the targets are the patient's own, yet the observation shows them within a tenth of a µg/mL
        double spread = Arrays.stream(meanTargets).max().orElseThrow() - Arrays.stream(meanTargets).min().orElseThrow();
        assertTrue(spread > 0.5, "patients' mean targets, µg/mL: " + Arrays.toString(meanTargets));
        assertTrue(absoluteGap / decisions < 0.1, "mean |target − observed Ce|: " + absoluteGap / decisions);
    }

    private static double[] rates(CaseTrace trace) {
        double[] rates = new double[2 * trace.length()];
        for (int i = 0; i < trace.length(); i++) {
            rates[2 * i] = trace.propofolRate(i);
            rates[2 * i + 1] = trace.remifentanilRate(i);
        }
        return rates;
    }
}
