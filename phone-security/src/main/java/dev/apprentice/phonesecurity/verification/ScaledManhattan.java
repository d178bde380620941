package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import java.util.List;

/**
 * The scaled Manhattan detector, the best of 14 anomaly detectors on keystroke dynamics in
 * Killourhy and Maxion, "Comparing anomaly-detection algorithms for keystroke dynamics", DSN 2009:
 * the owner is the mean μ and mean absolute deviation a of their enrolment samples, and a sample
 * scores −Σ|x − μ| / a. It needs no one but the owner; the background pool only sets the units of
 * the deviation floor.
 */
public final class ScaledManhattan implements VerificationMethod {

    /**
     * The least mean absolute deviation, in background standard deviations: a feature on which the
     * owner never varied would otherwise divide by zero; the floor keeps its weight large but finite.
     */
    static final double DEVIATION_FLOOR = 1e-3;

    @Override
    public String name() {
        return "scaled-manhattan";
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        BackgroundScale scale = BackgroundScale.fit(background);
        return (owner, enrolSeed) -> {
            double[][] z = scale.owner(owner);
            int d = scale.dimension();
            double[] mean = new double[d];
            for (double[] x : z) {
                for (int j = 0; j < d; j++) {
                    mean[j] += x[j] / z.length;
                }
            }
            double[] deviation = new double[d];
            for (double[] x : z) {
                for (int j = 0; j < d; j++) {
                    deviation[j] += Math.abs(x[j] - mean[j]) / z.length;
                }
            }
            for (int j = 0; j < d; j++) {
                deviation[j] = Math.max(deviation[j], DEVIATION_FLOOR);
            }
            return sample -> {
                double[] x = scale.apply(sample);
                double distance = 0;
                for (int j = 0; j < d; j++) {
                    distance += Math.abs(x[j] - mean[j]) / deviation[j];
                }
                return -distance;
            };
        };
    }
}
