package dev.apprentice.anesthesia.sim;

/**
 * A three-compartment mammillary model with an effect site, for one drug and one patient.
 *
 * @param v1 central volume, L
 * @param v2 rapid peripheral volume, L
 * @param v3 slow peripheral volume, L
 * @param cl1 elimination clearance, L/min
 * @param cl2 rapid inter-compartmental clearance, L/min
 * @param cl3 slow inter-compartmental clearance, L/min
 * @param ke0 effect-site equilibration rate, /min
 */
public record PkParameters(double v1, double v2, double v3, double cl1, double cl2, double cl3, double ke0) {

    public PkParameters {
        double[] values = {v1, v2, v3, cl1, cl2, cl3, ke0};
        String[] names = {"v1", "v2", "v3", "cl1", "cl2", "cl3", "ke0"};
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(names[i] + ": expected a positive value for this patient, found "
                        + values[i] + " (the model is outside its covariate range)");
            }
        }
    }

    /** Elimination rate constant CL1/V1, /min. */
    public double k10() {
        return cl1 / v1;
    }

    /** CL2/V1, /min. */
    public double k12() {
        return cl2 / v1;
    }

    /** CL2/V2, /min. */
    public double k21() {
        return cl2 / v2;
    }

    /** CL3/V1, /min. */
    public double k13() {
        return cl3 / v1;
    }

    /** CL3/V3, /min. */
    public double k31() {
        return cl3 / v3;
    }
}
