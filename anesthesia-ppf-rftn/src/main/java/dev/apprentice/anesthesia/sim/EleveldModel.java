package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;

/**
 * Eleveld's propofol model (Eleveld, Colin, Absalom &amp; Struys, "Pharmacokinetic–pharmacodynamic
 * model for propofol for broad application in anaesthesia and sedation", Br J Anaesth 2018;
 * 120:942–959), the general-purpose standard for ages 0–88 years and BMI up to 52, offered beside
 * Schnider so that patients and pumps can disagree the way they do clinically.
 *
 * <p>The typical values are those of the paper's Table 2 for a <em>patient</em> (not a volunteer)
 * with <em>concomitant opioids</em>, because every simulated case here gives remifentanil; with
 * arterial sampling, because the simulator's plasma is arterial (the venous terms θ17 and θ18 are
 * not used). With {@code f_sigmoid(x, E50, λ) = x^λ / (x^λ + E50^λ)}, {@code f_ageing(x) =
 * exp(x·(age − 35))}, {@code f_opioids(x) = exp(x·age)}, the post-menstrual age PMA = age·52 + 40
 * weeks and the reference individual (35 y, 70 kg, 170 cm, male):
 * <ul>
 * <li>V1 = 6.28 · f_central(W) / f_central(70), f_central(W) = f_sigmoid(W, 33.6, 1);</li>
 * <li>V2 = 25.5 · (W / 70) · f_ageing(−0.0156);</li>
 * <li>V3 = 273 · (FFM / FFM_ref) · f_opioids(−0.0138), FFM by Al-Sallami;</li>
 * <li>CL = (1.79 male, 2.10 female) · (W / 70)^0.75 · f_CLmat / f_CLmat,ref · f_opioids(−0.00286),
 * f_CLmat = f_sigmoid(PMA, 42.3, 9.06);</li>
 * <li>Q2 = 1.75 · (V2 / 25.5)^0.75 · (1 + 1.30 · (1 − f_Q3mat)), f_Q3mat = f_sigmoid(PMA, 68.3, 1);</li>
 * <li>Q3 = 1.11 · (V3 / 273)^0.75 · f_Q3mat / f_Q3mat,ref;</li>
 * <li>ke0 = 0.146 · (W / 70)^−0.25 /min (the BIS model's arterial ke0).</li>
 * </ul>
 * The paper's headline values for the reference individual (V1 6.28, V2 25.5, V3 273 L, CL 1.79,
 * Q2 1.83, Q3 1.11 L/min) are without opioids; with them the same individual has V3 168 L,
 * CL 1.62 and Q3 0.77 L/min. Q2 is 1.83 rather than θ5 = 1.75 because the Q3-maturation term of Q2
 * is not normalised to the reference.
 */
public final class EleveldModel {

    private static final double AGE_REF = 35;
    private static final double WEIGHT_REF = 70;
    private static final double V2_REF = 25.5;
    private static final double V3_REF = 273;
    private static final double FFM_REF = fatFreeMass(AGE_REF, Sex.MALE, WEIGHT_REF, 170);

    private EleveldModel() {
    }

    /** The model's parameters for a patient (with opioids, arterial). */
    public static PkParameters parameters(Covariates p) {
        double age = p.age();
        double weight = p.weightKg();
        double pma = postMenstrualAgeWeeks(age);
        double pmaRef = postMenstrualAgeWeeks(AGE_REF);
        double v1 = 6.28 * sigmoid(weight, 33.6, 1) / sigmoid(WEIGHT_REF, 33.6, 1);
        double v2 = V2_REF * (weight / WEIGHT_REF) * Math.exp(-0.0156 * (age - AGE_REF));
        double ffm = fatFreeMass(age, p.sex(), weight, p.heightCm());
        double v3 = V3_REF * (ffm / FFM_REF) * Math.exp(-0.0138 * age);
        double clRef = p.sex() == Sex.MALE ? 1.79 : 2.10;
        double cl = clRef * Math.pow(weight / WEIGHT_REF, 0.75)
                * sigmoid(pma, 42.3, 9.06) / sigmoid(pmaRef, 42.3, 9.06) * Math.exp(-0.00286 * age);
        double q3Maturation = sigmoid(pma, 68.3, 1);
        double q2 = 1.75 * Math.pow(v2 / V2_REF, 0.75) * (1 + 1.30 * (1 - q3Maturation));
        double q3 = 1.11 * Math.pow(v3 / V3_REF, 0.75) * q3Maturation / sigmoid(pmaRef, 68.3, 1);
        double ke0 = 0.146 * Math.pow(weight / WEIGHT_REF, -0.25);
        return new PkParameters(v1, v2, v3, cl, q2, q3, ke0);
    }

    /**
     * Fat-free mass by Al-Sallami et al. (Clin Pharmacokinet 2015), the body-size scalar of Eleveld's
     * V3, kg: male (0.88 + 0.12 / (1 + (age/13.4)^−12.7)) · 9270·W / (6680 + 216·BMI), female
     * (1.11 − 0.11 / (1 + (age/7.1)^−1.1)) · 9270·W / (8780 + 244·BMI).
     */
    public static double fatFreeMass(double age, Sex sex, double weightKg, double heightCm) {
        double metres = heightCm / 100;
        double bmi = weightKg / (metres * metres);
        if (sex == Sex.MALE) {
            return (0.88 + 0.12 / (1 + Math.pow(age / 13.4, -12.7))) * 9270 * weightKg / (6680 + 216 * bmi);
        }
        return (1.11 - 0.11 / (1 + Math.pow(age / 7.1, -1.1))) * 9270 * weightKg / (8780 + 244 * bmi);
    }

    private static double postMenstrualAgeWeeks(double ageYears) {
        return ageYears * 52 + 40;
    }

    private static double sigmoid(double x, double e50, double lambda) {
        double xl = Math.pow(x, lambda);
        return xl / (xl + Math.pow(e50, lambda));
    }
}
