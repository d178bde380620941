package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Patients: the 13-patient cohort of Ionescu et al. 2008 (IEEE TBME 55(9), as tabulated for
 * controller comparisons by the Python Anesthesia Simulator's examples), and random patients drawn
 * with the published inter-patient variability.
 */
public final class PatientCohort {

    /** Baseline MAP of the cohort's patients (not in the published table): 90 mmHg. */
    public static final double COHORT_BASELINE_MAP = 90;

    private static final double[][] IONESCU_2008 = {
        // age, height, weight, male, C50p, C50r, gamma, beta, E0, Emax
        {40, 163, 54, 0, 4.73, 24.97, 1.08, 0.30, 97.86, 89.62},
        {36, 163, 50, 0, 4.43, 19.33, 1.16, 0.29, 89.10, 98.86},
        {28, 164, 52, 0, 4.81, 16.89, 1.54, 0.14, 93.66, 94.00},
        {50, 163, 83, 0, 3.86, 20.97, 1.37, 0.12, 94.60, 93.20},
        {28, 164, 60, 1, 5.22, 18.95, 1.21, 0.68, 97.43, 96.21},
        {43, 163, 59, 0, 3.41, 23.26, 1.34, 0.58, 85.33, 97.07},
        {37, 187, 75, 1, 4.83, 15.21, 1.84, 0.13, 91.87, 90.84},
        {38, 174, 80, 0, 4.36, 13.86, 2.23, 1.05, 97.45, 96.36},
        {41, 170, 70, 0, 4.57, 16.20, 1.69, 0.16, 85.83, 94.60},
        {37, 167, 58, 0, 6.02, 23.47, 1.27, 0.77, 95.18, 88.17},
        {42, 179, 78, 1, 3.79, 22.25, 2.35, 1.12, 98.02, 96.95},
        {34, 172, 58, 0, 5.70, 18.64, 2.02, 0.40, 99.57, 96.94},
        {38, 169, 65, 0, 4.64, 19.50, 1.43, 0.48, 93.82, 94.40},
    };

    /** Coefficients of variation of the log-normal inter-patient variability (C50p, C50r, γ). */
    static final double CV_C50P = 0.182;
    static final double CV_C50R = 0.888;
    static final double CV_GAMMA = 0.304;

    private PatientCohort() {
    }

    /**
     * The 13 patients of Ionescu et al. 2008, as published. Where Emax exceeds E0 (patients 2, 3, 6,
     * 9, 13) the response surface floors BIS at 0.
     */
    public static List<Patient> ionescu2008() {
        return java.util.Arrays.stream(IONESCU_2008).map(PatientCohort::fromRow).toList();
    }

    private static Patient fromRow(double[] r) {
        return new Patient(new Covariates(r[0], r[3] == 1 ? Sex.MALE : Sex.FEMALE, r[2], r[1]),
                new BisResponse(r[4], r[5], r[6], r[7], r[8], r[9]), COHORT_BASELINE_MAP);
    }

    /**
     * A random adult: age 18–80, sex at even odds, height normal by sex (men 176 ± 7 cm, women
     * 163 ± 6.5 cm), body-mass index normal 26 ± 4 clipped to 18–38; C50p, C50r and γ log-normal
     * around the typical values with the published coefficients of variation (18.2 %, 88.8 %,
     * 30.4 %); β, E0 and Emax uniform over the cohort's ranges (0–1.2, 85–100, 88–100); baseline MAP normal 90 ± 10 mmHg clipped to 70–120.
     */
    public static Patient random(RandomGenerator rng) {
        double age = 18 + 62 * rng.nextDouble();
        Sex sex = rng.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        double height = sex == Sex.MALE ? 176 + 7 * rng.nextGaussian() : 163 + 6.5 * rng.nextGaussian();
        height = Math.max(145, Math.min(205, height));
        double bmi = Math.max(18, Math.min(38, 26 + 4 * rng.nextGaussian()));
        double weight = bmi * (height / 100) * (height / 100);
        double c50p = logNormal(BisResponse.TYPICAL.c50p(), CV_C50P, rng);
        double c50r = logNormal(BisResponse.TYPICAL.c50r(), CV_C50R, rng);
        double gamma = logNormal(BisResponse.TYPICAL.gamma(), CV_GAMMA, rng);
        double beta = 1.2 * rng.nextDouble();
        double e0 = 85 + 15 * rng.nextDouble();
        double emax = 88 + 12 * rng.nextDouble();
        double map = Math.max(70, Math.min(120, 90 + 10 * rng.nextGaussian()));
        return new Patient(new Covariates(age, sex, weight, height), new BisResponse(c50p, c50r, gamma, beta, e0, emax), map);
    }

    /**
     * The random patient of a case seed: training and evaluation seeds name patients this way, so a
     * seed range held out from training is a set of patients never trained on.
     */
    public static Patient forSeed(long seed) {
        return random(new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
    }

    /**
     * How far a patient's response to propofol lies from the typical one: the larger of C50p's and
     * γ's distances from their typical values, in standard deviations of the log-normal
     * variability above (0 for the typical patient; beyond 1.5 for about one random patient in four).
     */
    public static double sensitivityDeviation(BisResponse response) {
        double c50p = Math.log(response.c50p() / BisResponse.TYPICAL.c50p()) / Math.sqrt(Math.log(1 + CV_C50P * CV_C50P));
        double gamma = Math.log(response.gamma() / BisResponse.TYPICAL.gamma())
                / Math.sqrt(Math.log(1 + CV_GAMMA * CV_GAMMA));
        return Math.max(Math.abs(c50p), Math.abs(gamma));
    }

    /** A log-normal draw whose median is {@code typical} and whose coefficient of variation is {@code cv}. */
    static double logNormal(double typical, double cv, RandomGenerator rng) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        return typical * Math.exp(sigma * rng.nextGaussian());
    }
}
