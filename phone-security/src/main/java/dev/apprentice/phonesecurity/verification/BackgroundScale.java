package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import java.util.List;

/**
 * Features in units of how much people in general differ: each feature centred and scaled by the
 * background pool's mean and standard deviation, so that typing times in milliseconds and sensor
 * statistics near zero weigh alike in distances, densities and penalties.
 */
final class BackgroundScale {

    private final double[] mean;
    private final double[] sd;

    private BackgroundScale(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * The scale of the background pool; a feature that does not vary there is only centred.
     *
     * @throws IllegalArgumentException for no samples or samples of different dimensions
     */
    static BackgroundScale fit(List<FeatureSample> background) {
        if (background.isEmpty()) {
            throw new IllegalArgumentException("background: expected samples, found none");
        }
        int d = background.get(0).features().length;
        double[] mean = new double[d];
        for (FeatureSample s : background) {
            float[] x = features(s, d, "background");
            for (int j = 0; j < d; j++) {
                mean[j] += x[j];
            }
        }
        int n = background.size();
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] sd = new double[d];
        for (FeatureSample s : background) {
            float[] x = s.features();
            for (int j = 0; j < d; j++) {
                double c = x[j] - mean[j];
                sd[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = n > 1 ? Math.sqrt(sd[j] / (n - 1)) : 0;
            if (sd[j] == 0) {
                sd[j] = 1;
            }
        }
        return new BackgroundScale(mean, sd);
    }

    /** Features per sample. */
    int dimension() {
        return mean.length;
    }

    /** The sample's standardised features. */
    double[] apply(FeatureSample sample) {
        float[] x = features(sample, mean.length, "sample");
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / sd[j];
        }
        return z;
    }

    /**
     * The standardised features of one owner's enrolment samples.
     *
     * @throws IllegalArgumentException for no samples, samples of several users or of another dimension
     */
    double[][] owner(List<FeatureSample> owner) {
        if (owner.isEmpty()) {
            throw new IllegalArgumentException("owner: expected enrolment samples, found none");
        }
        String user = owner.get(0).user();
        double[][] z = new double[owner.size()][];
        for (int i = 0; i < z.length; i++) {
            FeatureSample s = owner.get(i);
            if (!s.user().equals(user)) {
                throw new IllegalArgumentException("owner: expected samples of one user, found users '" + user + "' and '"
                        + s.user() + "'");
            }
            z[i] = apply(s);
        }
        return z;
    }

    private static float[] features(FeatureSample sample, int d, String what) {
        float[] x = sample.features();
        if (x.length != d) {
            throw new IllegalArgumentException(what + ": expected " + d + " features, found " + x.length);
        }
        return x;
    }
}
