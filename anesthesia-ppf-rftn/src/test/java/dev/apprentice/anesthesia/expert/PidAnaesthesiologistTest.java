package dev.apprentice.anesthesia.expert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PidAnaesthesiologistTest {

    private static final PidAnaesthesiologist PID = PidAnaesthesiologist.TUNED;

    @Test
    void keepsTheCohortInTheBisBandAtLeastEightyFivePercentOfMaintenance() {
        CohortMetrics cohort = CohortMetrics.of(CaseRunner.cohort(PID, 1, CaseSettings.DEFAULT));

        assertTrue(cohort.mean().timeInBand() >= 0.85, "time in BIS 40-60: " + cohort.mean().timeInBand());
    }

    @Test
    void givesTheSameDecisionsForTheSameCase() {
        // The observations hold arrays; the rates set are what must repeat
        assertEquals(decisions(0).stream().map(Decision::rates).toList(), decisions(0).stream().map(Decision::rates).toList());
    }

    @Test
    void onTheCohortMaintenancePropofolStaysInItsRangeAndNeverRisesWhileBisIsBelowForty() {
        int decisions = 0;
        int lowBis = 0;
        for (int i = 0; i < 13; i++) {
            for (Decision d : decisions(i)) {
                if (d.o.elapsedSeconds() >= PID.inductionSeconds()) {
                    decisions++;
                    assertTrue(d.rates.propofol() >= PID.minPropofol() && d.rates.propofol() <= PID.maxPropofol(),
                            "patient " + i + " at " + d.o.elapsedSeconds() + " s: " + d.rates);
                }
                if (d.o.bisNow() < 40) {
                    lowBis++;
                    assertTrue(d.rates.propofol() <= d.o.running().propofol() + 1e-9,
                            "patient " + i + " at " + d.o.elapsedSeconds() + " s, BIS " + d.o.bisNow() + ": " + d.rates
                                    + " after " + d.o.running());
                }
            }
        }
        assertTrue(decisions > 13 * 250 && lowBis > 0, decisions + " decisions, " + lowBis + " with BIS < 40");
    }

    @Test
    void givesLessRemifentanilAndPropofolWhenMapIsBelowSixtyFive() {
        // Given the same maintenance picture at MAP 80 and at MAP 60
        InfusionRates normal = PID.decide(observation(80));

        // When MAP is low
        InfusionRates hypotensive = PID.decide(observation(60));

        // Then both drugs are lower
        assertTrue(hypotensive.remifentanil() < normal.remifentanil(), hypotensive + " vs " + normal);
        assertTrue(hypotensive.propofol() < normal.propofol(), hypotensive + " vs " + normal);
    }

    private static ClinicalObservation observation(double map) {
        double[] bis = new double[ClinicalObservation.BIS_HISTORY];
        Arrays.fill(bis, 55);
        return new ClinicalObservation(new Covariates(50, Sex.MALE, 80, 178), 1800, CasePhase.MAINTENANCE, bis, map,
                new InfusionRates(9, 0.18), 3, 4);
    }

    /** One decision of a case: what was seen and what was set. */
    private record Decision(ClinicalObservation o, InfusionRates rates) {
    }

    private static List<Decision> decisions(int cohortIndex) {
        Patient patient = PatientCohort.ionescu2008().get(cohortIndex);
        SimulatedCase c = new SimulatedCase(patient, 1 + cohortIndex, CaseSettings.DEFAULT);
        InfusionController controller = PID.startCase(patient.covariates());
        List<Decision> out = new ArrayList<>();
        while (!c.done()) {
            ClinicalObservation o = c.observation();
            InfusionRates rates = controller.decide(o);
            out.add(new Decision(o, rates));
            c.apply(rates);
        }
        return out;
    }
}
