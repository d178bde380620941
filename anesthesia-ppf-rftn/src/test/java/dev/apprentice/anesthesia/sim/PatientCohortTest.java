package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatientCohortTest {

    @Test
    void theIonescuCohortHasThirteenPatientsAsTabulatedInTheDomainNotes() {
        List<Patient> cohort = PatientCohort.ionescu2008();

        assertEquals(13, cohort.size());
        // Row 1: 40 y, 163 cm, 54 kg, female, C50p 4.73, C50r 24.97, γ 1.08, β 0.30, E0 97.86, Emax 89.62.
        assertPatient(cohort.get(0), 40, 163, 54, Sex.FEMALE, 4.73, 24.97, 1.08, 0.30, 97.86, 89.62);
        // Row 5: the first man, 28 y, 164 cm, 60 kg.
        assertPatient(cohort.get(4), 28, 164, 60, Sex.MALE, 5.22, 18.95, 1.21, 0.68, 97.43, 96.21);
        // Row 7: 37 y, 187 cm, 75 kg, male.
        assertPatient(cohort.get(6), 37, 187, 75, Sex.MALE, 4.83, 15.21, 1.84, 0.13, 91.87, 90.84);
        // Row 11: 42 y, 179 cm, 78 kg, male, the largest β.
        assertPatient(cohort.get(10), 42, 179, 78, Sex.MALE, 3.79, 22.25, 2.35, 1.12, 98.02, 96.95);
        // Row 13: 38 y, 169 cm, 65 kg, female.
        assertPatient(cohort.get(12), 38, 169, 65, Sex.FEMALE, 4.64, 19.50, 1.43, 0.48, 93.82, 94.40);
        assertEquals(3, cohort.stream().filter(p -> p.covariates().sex() == Sex.MALE).count(), "patients 5, 7 and 11");
        assertTrue(cohort.stream().allMatch(p -> p.baselineMap() == PatientCohort.COHORT_BASELINE_MAP));
    }

    private static void assertPatient(Patient p, double age, double height, double weight, Sex sex, double c50p,
            double c50r, double gamma, double beta, double e0, double emax) {
        assertEquals(age, p.covariates().age(), 0);
        assertEquals(height, p.covariates().heightCm(), 0);
        assertEquals(weight, p.covariates().weightKg(), 0);
        assertEquals(sex, p.covariates().sex());
        assertEquals(new BisResponse(c50p, c50r, gamma, beta, e0, emax), p.response());
    }

    @Test
    void randomPatientsHaveTheTypicalMedianC50pAndThePublishedCoefficientsOfVariation() {
        SplittableRandom rng = new SplittableRandom(20_240_611);
        int n = 20_000;
        double[] c50p = new double[n];
        double[] logC50p = new double[n];
        double[] logC50r = new double[n];
        double[] logGamma = new double[n];

        for (int i = 0; i < n; i++) {
            BisResponse r = PatientCohort.random(rng).response();
            c50p[i] = r.c50p();
            logC50p[i] = Math.log(r.c50p());
            logC50r[i] = Math.log(r.c50r());
            logGamma[i] = Math.log(r.gamma());
        }

        Arrays.sort(c50p);
        assertEquals(4.47, (c50p[n / 2 - 1] + c50p[n / 2]) / 2, 0.02 * 4.47);
        assertEquals(0.182, logNormalCv(logC50p), 0.1 * 0.182);
        assertEquals(0.888, logNormalCv(logC50r), 0.1 * 0.888);
        assertEquals(0.304, logNormalCv(logGamma), 0.1 * 0.304);
    }

    /** The coefficient of variation of a log-normal from the logs of its draws: sqrt(exp(σ²) − 1). */
    private static double logNormalCv(double[] logs) {
        double mean = Arrays.stream(logs).average().orElseThrow();
        double variance = Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (logs.length - 1);
        return Math.sqrt(Math.exp(variance) - 1);
    }

    @Test
    void randomPatientsStayInsideTheDocumentedRanges() {
        SplittableRandom rng = new SplittableRandom(7);

        for (int i = 0; i < 2_000; i++) {
            Patient p = PatientCohort.random(rng);
            double bmi = p.covariates().bodyMassIndex();
            assertTrue(p.covariates().age() >= 18 && p.covariates().age() <= 80, "age " + p.covariates().age());
            assertTrue(bmi >= 18 - 1e-9 && bmi <= 38 + 1e-9, "BMI " + bmi);
            assertTrue(p.response().beta() >= 0 && p.response().beta() <= 1.2);
            assertTrue(p.baselineMap() >= 70 && p.baselineMap() <= 120);
        }
    }

    @Test
    void theSameSeedNamesTheSamePatientAndNeighbouringSeedsDiffer() {
        Patient first = PatientCohort.forSeed(42);

        Patient again = PatientCohort.forSeed(42);
        Patient next = PatientCohort.forSeed(43);

        assertEquals(first, again);
        assertNotEquals(first, next);
    }
}
