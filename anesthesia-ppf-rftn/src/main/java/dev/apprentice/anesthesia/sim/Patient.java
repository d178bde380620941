package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;

/**
 * One simulated patient: the covariates the pharmacokinetic models read, the individual BIS
 * response and the blood pressure before any drug.
 *
 * @param covariates age, sex, weight, height
 * @param response the BIS response surface
 * @param baselineMap mean arterial pressure without drug or stimulation, mmHg
 */
public record Patient(Covariates covariates, BisResponse response, double baselineMap) {

    public Patient {
        if (covariates == null || response == null) {
            throw new IllegalArgumentException((covariates == null ? "covariates" : "response")
                    + ": expected a value, found null");
        }
        if (!(baselineMap >= 30 && baselineMap <= 200)) {
            throw new IllegalArgumentException("baselineMap: expected a value in [30, 200] mmHg, found " + baselineMap);
        }
    }

    /** Weight, kg. */
    public double weightKg() {
        return covariates.weightKg();
    }
}
