package dev.apprentice.anesthesia.clinical;

import dev.apprentice.anesthesia.sim.Sex;

/**
 * What the pharmacokinetic models (and a TCI pump) know of a patient: age, sex, weight, height.
 *
 * @param age years
 * @param sex sex
 * @param weightKg weight, kg
 * @param heightCm height, cm
 */
public record Covariates(double age, Sex sex, double weightKg, double heightCm) {

    public Covariates {
        range(age, 1, 110, "age");
        if (sex == null) {
            throw new IllegalArgumentException("sex: expected 'female' or 'male', found null");
        }
        range(weightKg, 5, 300, "weightKg");
        range(heightCm, 50, 250, "heightCm");
        double lbm = leanBodyMass(weightKg, heightCm, sex);
        if (!(lbm > 0)) {
            throw new IllegalArgumentException("weightKg: the James lean-body-mass formula gives " + lbm
                    + " kg for " + weightKg + " kg at " + heightCm + " cm; it is not valid at this body-mass index");
        }
    }

    private static void range(double value, double low, double high, String field) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(field + ": expected a value in [" + low + ", " + high + "], found " + value);
        }
    }

    /** Lean body mass by James' formula, kg: male 1.1·W − 128·(W/H)², female 1.07·W − 148·(W/H)². */
    public static double leanBodyMass(double weightKg, double heightCm, Sex sex) {
        double ratio = weightKg / heightCm;
        return sex == Sex.MALE ? 1.1 * weightKg - 128 * ratio * ratio : 1.07 * weightKg - 148 * ratio * ratio;
    }

    /** This patient's lean body mass (James), kg. */
    public double leanBodyMass() {
        return leanBodyMass(weightKg, heightCm, sex);
    }

    /** Body-mass index, kg/m². */
    public double bodyMassIndex() {
        double m = heightCm / 100;
        return weightKg / (m * m);
    }
}
