package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;

/**
 * Schnider's propofol model (Anesthesiology 1998/1999): V1 = 4.27 L, V2 = 18.9 − 0.391·(age − 53),
 * V3 = 238, CL1 = 1.89 + 0.0456·(W − 77) − 0.0681·(LBM − 59) + 0.0264·(H − 177),
 * CL2 = 1.29 − 0.024·(age − 53), CL3 = 0.836, ke0 = 0.456 /min.
 */
public final class SchniderModel {

    private SchniderModel() {
    }

    /** The model's parameters for a patient. */
    public static PkParameters parameters(Covariates p) {
        double lbm = p.leanBodyMass();
        return new PkParameters(4.27, 18.9 - 0.391 * (p.age() - 53), 238,
                1.89 + 0.0456 * (p.weightKg() - 77) - 0.0681 * (lbm - 59) + 0.0264 * (p.heightCm() - 177),
                1.29 - 0.024 * (p.age() - 53), 0.836, 0.456);
    }
}
