package dev.apprentice.il.algorithms.rail;

/**
 * Everything {@link ArsOptimizer} carries from one iteration to the next, so that a checkpoint can
 * save it and a resumed run continue bit for bit: random streams need no entry, since they derive
 * from (seed, iteration, direction).
 *
 * @param parameters θ
 * @param observationCount how many observations the running statistics have seen
 * @param observationMean their per-dimension mean
 * @param observationM2 their per-dimension sum of squared deviations from the mean
 */
public record ArsState(double[] parameters, long observationCount, double[] observationMean, double[] observationM2) {

    public ArsState {
        if (parameters == null || observationMean == null || observationM2 == null) {
            throw new IllegalArgumentException("ARS state: parameters, observation mean and M2 are required");
        }
        if (observationCount < 0 || observationMean.length != observationM2.length) {
            throw new IllegalArgumentException("ARS state: expected an observation count >= 0 and mean and M2 of one "
                    + "length, found " + observationCount + ", " + observationMean.length + " and " + observationM2.length);
        }
        parameters = parameters.clone();
        observationMean = observationMean.clone();
        observationM2 = observationM2.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] observationMean() {
        return observationMean.clone();
    }

    @Override
    public double[] observationM2() {
        return observationM2.clone();
    }
}
