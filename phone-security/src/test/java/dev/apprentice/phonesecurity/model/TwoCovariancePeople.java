package dev.apprentice.phonesecurity.model;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** People drawn from a known two-covariance model in a few dimensions, for the model's tests. */
final class TwoCovariancePeople {

    private TwoCovariancePeople() {
    }

    /** {@code people} people × 3 activities × {@code perActivity} samples of {@code d} correlated features. */
    static List<FeatureSample> draw(int people, int perActivity, int d, long seed, String prefix) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom mixing = new SplittableRandom(99);
        double[][] mix = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mix[i][j] = (i == j ? 1 : 0) + 0.3 * mixing.nextGaussian();
            }
        }
        List<FeatureSample> out = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            double[] offset = new double[d];
            for (int j = 0; j < d; j++) {
                offset[j] = 2 * rng.nextGaussian();
            }
            for (Activity a : Activity.values()) {
                for (int s = 0; s < perActivity; s++) {
                    double[] raw = new double[d];
                    for (int j = 0; j < d; j++) {
                        raw[j] = offset[j] + rng.nextGaussian() + (a == Activity.WALKING && j == 0 ? 3 : 0);
                    }
                    float[] x = new float[d];
                    for (int i = 0; i < d; i++) {
                        double v = 100 + 10 * i;
                        for (int j = 0; j < d; j++) {
                            v += mix[i][j] * raw[j];
                        }
                        x[i] = (float) v;
                    }
                    out.add(new FeatureSample(prefix + p, a, x));
                }
            }
        }
        return out;
    }
}
