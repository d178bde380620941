package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;

/**
 * Minto's remifentanil model (Anesthesiology 1997): V1 = 5.1 − 0.0201·(age − 40) + 0.072·(LBM − 55),
 * V2 = 9.82 − 0.0811·(age − 40) + 0.108·(LBM − 55), V3 = 5.42,
 * CL1 = 2.6 − 0.0162·(age − 40) + 0.0191·(LBM − 55), CL2 = 2.05 − 0.0301·(age − 40),
 * CL3 = 0.076 − 0.00113·(age − 40), ke0 = 0.595 − 0.007·(age − 40).
 */
public final class MintoModel {

    private MintoModel() {
    }

    /** The model's parameters for a patient. */
    public static PkParameters parameters(Covariates p) {
        double lbm = p.leanBodyMass();
        double age = p.age() - 40;
        return new PkParameters(5.1 - 0.0201 * age + 0.072 * (lbm - 55), 9.82 - 0.0811 * age + 0.108 * (lbm - 55), 5.42,
                2.6 - 0.0162 * age + 0.0191 * (lbm - 55), 2.05 - 0.0301 * age, 0.076 - 0.00113 * age,
                0.595 - 0.007 * age);
    }
}
