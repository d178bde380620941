package dev.apprentice.il.data;

import dev.apprentice.il.linalg.CholeskyFactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a state lies from the states a policy was trained on: the Mahalanobis distance of the
 * standardised state under the training states' correlation (plus a small ridge, so that a
 * feature the training data never varied makes any deviation in it far), and a threshold
 * calibrated as a quantile of the training states' own distances. Services that must not guess
 * outside their experience ("defer to the clinician") compare a decision's features with it. Kept
 * in the model card as plain numbers; immutable and thread-safe.
 *
 * <pre>{@code
 * StateProfile profile = StateProfile.fit(task.demonstrations(), 0.999);
 * if (profile.far(features)) { ... defer ... }
 * }</pre>
 */
public final class StateProfile {

    /** Ridge added to the correlation matrix's diagonal. */
    static final double RIDGE = 1e-3;
    /** Standard deviation below which a feature counts as constant in training. */
    static final double CONSTANT = 1e-6;

    private final double[] mean;
    private final double[] scale;
    private final CholeskyFactor cholesky;
    private final double threshold;
    private final double quantile;

    private StateProfile(double[] mean, double[] scale, CholeskyFactor cholesky, double threshold, double quantile) {
        this.mean = mean;
        this.scale = scale;
        this.cholesky = cholesky;
        this.threshold = threshold;
        this.quantile = quantile;
    }

    /**
     * The profile of a set's states, its threshold the {@code quantile} of their distances.
     *
     * @throws IllegalArgumentException for fewer states than twice the dimension, or a quantile outside (0, 1]
     */
    public static StateProfile fit(DemonstrationSet set, double quantile) {
        int n = set.size();
        if (n == 0) {
            throw new IllegalArgumentException("states: expected some, found none");
        }
        int d = set.state(0).length;
        if (n < 2 * d) {
            throw new IllegalArgumentException("states: expected at least " + 2 * d + " states of dimension " + d
                    + " to profile, found " + n);
        }
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile: expected a value in (0, 1], found " + quantile);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] s = set.state(i);
            for (int j = 0; j < d; j++) {
                mean[j] += s[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] covariance = new double[d * d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            float[] s = set.state(i);
            for (int j = 0; j < d; j++) {
                centred[j] = s[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    covariance[a * d + b] += centred[a] * centred[b];
                }
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(covariance[j * d + j] / (n - 1));
            scale[j] = sd < CONSTANT ? CONSTANT : sd;
        }
        double[] correlation = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double c = covariance[a * d + b] / (n - 1) / (scale[a] * scale[b]);
                correlation[a * d + b] = c;
                correlation[b * d + a] = c;
            }
            correlation[a * d + a] += RIDGE;
        }
        CholeskyFactor l = CholeskyFactor.withPivotFloor(correlation, d, RIDGE);
        StateProfile unthresholded = new StateProfile(mean, scale, l, Double.POSITIVE_INFINITY, quantile);
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            distances[i] = unthresholded.distance(set.state(i));
        }
        Arrays.sort(distances);
        double threshold = distances[Math.min(n - 1, (int) Math.ceil(quantile * n) - 1)];
        return new StateProfile(mean, scale, l, threshold, quantile);
    }

    /** The state's distance: sqrt(zᵀ R⁻¹ z) for its standardised features z; infinite for non-finite features. */
    public double distance(float[] state) {
        int d = mean.length;
        if (state.length != d) {
            throw new IllegalArgumentException("state: expected " + d + " features, found " + state.length);
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = (state[i] - mean[i]) / scale[i];
        }
        double sum = cholesky.inverseQuadratic(z);
        return Double.isFinite(sum) ? Math.sqrt(sum) : Double.POSITIVE_INFINITY;
    }

    /** Whether the state is farther than the threshold. */
    public boolean far(float[] state) {
        return distance(state) > threshold;
    }

    /** The calibrated threshold. */
    public double threshold() {
        return threshold;
    }

    /** The share of training states within the threshold it was calibrated at. */
    public double quantile() {
        return quantile;
    }

    /** The share of a set's states that are {@link #far}. */
    public double farShare(DemonstrationSet set) {
        int far = 0;
        for (int i = 0; i < set.size(); i++) {
            if (far(set.state(i))) {
                far++;
            }
        }
        return set.size() == 0 ? 0 : (double) far / set.size();
    }

    /** The profile as plain numbers, for a model card. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", list(mean));
        m.put("scale", list(scale));
        m.put("cholesky", list(cholesky.lower()));
        m.put("threshold", threshold);
        m.put("quantile", quantile);
        return m;
    }

    /**
     * The profile {@link #toMap} wrote.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static StateProfile fromMap(Map<?, ?> m) {
        double[] mean = array(m.get("mean"), "mean", -1);
        int d = mean.length;
        double[] scale = array(m.get("scale"), "scale", d);
        double[] l = array(m.get("cholesky"), "cholesky", d * d);
        for (int i = 0; i < d; i++) {
            if (!(scale[i] > 0) || !(l[i * d + i] > 0)) {
                throw new IllegalArgumentException("stateProfile: scale and the Cholesky diagonal must be positive at " + i);
            }
        }
        return new StateProfile(mean, scale, CholeskyFactor.fromLower(l, d), number(m.get("threshold"), "threshold"), number(m.get("quantile"),
                "quantile"));
    }

    private static double[] array(Object value, String key, int expected) {
        if (!(value instanceof List<?> list) || list.isEmpty() || (expected >= 0 && list.size() != expected)) {
            throw new IllegalArgumentException("stateProfile." + key + ": expected " + (expected >= 0 ? expected + " " : "")
                    + "numbers, found " + value);
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(list.get(i), key + "[" + i + "]");
        }
        return out;
    }

    private static double number(Object value, String key) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("stateProfile." + key + ": expected a finite number, found " + value);
        }
        return n.doubleValue();
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
