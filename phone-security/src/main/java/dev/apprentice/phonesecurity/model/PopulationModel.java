package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.policy.ActionDistribution;
import dev.apprentice.il.policy.DiagonalGaussianDistribution;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How people in general behave, learned once from the background pool, so that each owner's policy
 * can be learned from a handful of samples: behaviour a in context s (the activity) is modelled as
 * a = μ_s + y_owner + ε, the population's mean for the activity plus the owner's own offset y ~ N(0,
 * B) plus the sample's variation ε ~ N(0, W) (the two-covariance model behind probabilistic linear
 * discriminant analysis: Ioffe, ECCV 2006; Prince &amp; Elder, ICCV 2007). B (between people) and W
 * (within a person, around each person's mean for an activity) are estimated from the background
 * people, shrunk towards a multiple of the identity (Ledoit &amp; Wolf style, fixed weight) because
 * there are fewer people than features, and diagonalised together: the projection T makes T W Tᵀ =
 * I and T B Tᵀ = diag(ψ), so that every owner's policy and every score is a sum over independent
 * coordinates.
 */
public final class PopulationModel implements Policy {

    private final float[] mean;
    private final float[] scale;
    private final double[][] activityMeans;
    private final double[][] projection;
    private final double[] between;
    private final double shrinkage;
    private final int people;
    private final int samples;
    private final ThresholdLevels levels;

    PopulationModel(float[] mean, float[] scale, double[][] activityMeans, double[][] projection, double[] between,
            double shrinkage, int people, int samples, ThresholdLevels levels) {
        this.mean = mean;
        this.scale = scale;
        this.activityMeans = activityMeans;
        this.projection = projection;
        this.between = between;
        this.shrinkage = shrinkage;
        this.people = people;
        this.samples = samples;
        this.levels = levels;
    }

    /** This model with the threshold correction measured on real people ({@link PopulationCalibration}). */
    public PopulationModel withLevels(ThresholdLevels measured) {
        return new PopulationModel(mean, scale, activityMeans, projection, between, shrinkage, people, samples, measured);
    }

    /** The threshold correction; without one, rates on generated people are taken as real ones. */
    public ThresholdLevels levels() {
        return levels;
    }

    /**
     * Learns the population model from background people's samples.
     *
     * @param background samples of at least two people, all of one dimension, with at least two
     *     samples of some person in some activity
     * @param shrinkage weight in [0, 1) of the identity target in both covariances
     * @throws IllegalArgumentException when the samples cannot support the model, saying why
     */
    public static PopulationModel fit(List<FeatureSample> background, double shrinkage) {
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("shrinkage: expected a value in [0, 1), found " + shrinkage);
        }
        if (background.isEmpty()) {
            throw new IllegalArgumentException("background: expected samples of at least two people, found none");
        }
        int d = background.get(0).features().length;
        int n = background.size();
        double[][] z = new double[n][];
        float[] mean = new float[d];
        float[] scale = new float[d];
        double[] sum = new double[d];
        double[] sumSq = new double[d];
        for (FeatureSample s : background) {
            if (s.features().length != d) {
                throw new IllegalArgumentException("background: expected samples of " + d + " features, found one of "
                        + s.features().length);
            }
            for (int j = 0; j < d; j++) {
                double v = s.features()[j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("background: feature " + j + " of a sample is not finite");
                }
                sum[j] += v;
                sumSq[j] += v * v;
            }
        }
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double var = Math.max(0, sumSq[j] / n - m * m);
            mean[j] = (float) m;
            scale[j] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        for (int i = 0; i < n; i++) {
            z[i] = standardise(background.get(i).features(), mean, scale);
        }
        Activity[] activities = Activity.values();
        double[][] activityMeans = new double[activities.length][d];
        int[] activityCounts = new int[activities.length];
        Map<String, Map<Activity, List<Integer>>> cells = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            FeatureSample s = background.get(i);
            add(activityMeans[s.activity().ordinal()], z[i], 1);
            activityCounts[s.activity().ordinal()]++;
            cells.computeIfAbsent(s.user(), u -> new LinkedHashMap<>())
                    .computeIfAbsent(s.activity(), a -> new ArrayList<>()).add(i);
        }
        for (int a = 0; a < activities.length; a++) {
            if (activityCounts[a] > 0) {
                scaleInPlace(activityMeans[a], 1.0 / activityCounts[a]);
            }
        }
        if (cells.size() < 2) {
            throw new IllegalArgumentException("background: expected samples of at least two people, found "
                    + cells.size());
        }
        double[][] within = new double[d][d];
        int withinCount = 0;
        double[][] offsets = new double[cells.size()][];
        int person = 0;
        for (Map<Activity, List<Integer>> byActivity : cells.values()) {
            double[] offset = new double[d];
            for (Map.Entry<Activity, List<Integer>> cell : byActivity.entrySet()) {
                double[] cellMean = new double[d];
                for (int i : cell.getValue()) {
                    add(cellMean, z[i], 1);
                }
                scaleInPlace(cellMean, 1.0 / cell.getValue().size());
                if (cell.getValue().size() > 1) {
                    for (int i : cell.getValue()) {
                        double[] r = new double[d];
                        for (int j = 0; j < d; j++) {
                            r[j] = z[i][j] - cellMean[j];
                        }
                        addOuter(within, r);
                        withinCount++;
                    }
                }
                double[] activityMean = activityMeans[cell.getKey().ordinal()];
                for (int j = 0; j < d; j++) {
                    offset[j] += (cellMean[j] - activityMean[j]) / byActivity.size();
                }
            }
            offsets[person++] = offset;
        }
        if (withinCount == 0) {
            throw new IllegalArgumentException("background: expected at least two samples of some person in one activity");
        }
        scaleInPlace(within, 1.0 / withinCount);
        double[] offsetMean = new double[d];
        for (double[] o : offsets) {
            add(offsetMean, o, 1.0 / offsets.length);
        }
        double[][] betweenCov = new double[d][d];
        for (double[] o : offsets) {
            double[] r = new double[d];
            for (int j = 0; j < d; j++) {
                r[j] = o[j] - offsetMean[j];
            }
            addOuter(betweenCov, r);
        }
        scaleInPlace(betweenCov, 1.0 / (offsets.length - 1));
        shrink(within, shrinkage);
        shrink(betweenCov, shrinkage);
        // T = Uᵀ W^-1/2 with U the eigenvectors of W^-1/2 B W^-1/2.
        SymmetricEigen w = SymmetricEigen.of(within);
        double[][] whiten = new double[d][d];
        for (int k = 0; k < d; k++) {
            double f = 1 / Math.sqrt(Math.max(w.values()[k], 1e-12));
            double[] e = w.vectors()[k];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    whiten[i][j] += f * e[i] * e[j];
                }
            }
        }
        double[][] whitenedBetween = multiply(multiply(whiten, betweenCov), whiten);
        symmetrise(whitenedBetween);
        SymmetricEigen b = SymmetricEigen.of(whitenedBetween);
        double[][] projection = new double[d][];
        double[] psi = new double[d];
        for (int k = 0; k < d; k++) {
            int src = d - 1 - k; // largest between-person variance first
            psi[k] = Math.max(0, b.values()[src]);
            projection[k] = multiplyVector(b.vectors()[src], whiten);
        }
        return new PopulationModel(mean, scale, activityMeans, projection, psi, shrinkage, cells.size(), n,
                ThresholdLevels.none(0));
    }

    /** Features per sample. */
    public int dimension() {
        return mean.length;
    }

    /** People the model was learned from. */
    public int people() {
        return people;
    }

    /** Samples the model was learned from. */
    public int samples() {
        return samples;
    }

    /** The shrinkage weight it was learned with. */
    public double shrinkage() {
        return shrinkage;
    }

    /** ψ: how much people differ along each projected coordinate, in units of a person's own variation. */
    public double[] betweenVariances() {
        return between.clone();
    }

    /**
     * A sample in the model's coordinates: standardised, minus the population's mean for its
     * activity, projected by T.
     *
     * @throws IllegalArgumentException when the sample has the wrong dimension
     */
    public double[] project(Activity activity, float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("features: expected " + mean.length + " values, found " + features.length);
        }
        double[] z = standardise(features, mean, scale);
        double[] m = activityMeans[activity.ordinal()];
        for (int j = 0; j < z.length; j++) {
            z[j] -= m[j];
        }
        double[] y = new double[z.length];
        for (int k = 0; k < y.length; k++) {
            double[] t = projection[k];
            double acc = 0;
            for (int j = 0; j < z.length; j++) {
                acc += t[j] * z[j];
            }
            y[k] = acc;
        }
        return y;
    }

    /** Log-density of projected behaviour under the population: N(y; 0, I + diag(ψ)). */
    public double logDensity(double[] y) {
        double lp = 0;
        for (int k = 0; k < y.length; k++) {
            double v = 1 + between[k];
            lp += -0.5 * (y[k] * y[k] / v + Math.log(v));
        }
        return lp;
    }

    /** Draws projected behaviour of a random person of the population: y ~ N(0, I + diag(ψ)). */
    public double[] sample(java.util.random.RandomGenerator rng) {
        double[] y = new double[between.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = rng.nextGaussian() * Math.sqrt(1 + between[k]);
        }
        return y;
    }

    @Override
    public Box observationSpace() {
        return OwnerModel.CONTEXT;
    }

    @Override
    public Box actionSpace() {
        return Box.unbounded(mean.length);
    }

    /** Anyone's behaviour in the projected coordinates: N(0, I + diag(ψ)), whatever the context. */
    @Override
    public ActionDistribution distribution(float[] observation) {
        OwnerModel.CONTEXT.validate(observation, "context");
        double[] variance = new double[between.length];
        for (int k = 0; k < variance.length; k++) {
            variance[k] = 1 + between[k];
        }
        return new DiagonalGaussianDistribution(new double[between.length], variance);
    }

    float[] mean() {
        return mean;
    }

    float[] scale() {
        return scale;
    }

    double[][] activityMeans() {
        return activityMeans;
    }

    double[][] projection() {
        return projection;
    }

    private static double[] standardise(float[] x, float[] mean, float[] scale) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static void add(double[] into, double[] x, double f) {
        for (int j = 0; j < into.length; j++) {
            into[j] += f * x[j];
        }
    }

    private static void scaleInPlace(double[] x, double f) {
        for (int j = 0; j < x.length; j++) {
            x[j] *= f;
        }
    }

    private static void scaleInPlace(double[][] m, double f) {
        for (double[] row : m) {
            scaleInPlace(row, f);
        }
    }

    private static void addOuter(double[][] into, double[] r) {
        for (int i = 0; i < r.length; i++) {
            double ri = r[i];
            if (ri == 0) {
                continue;
            }
            double[] row = into[i];
            for (int j = 0; j < r.length; j++) {
                row[j] += ri * r[j];
            }
        }
    }

    private static void shrink(double[][] m, double alpha) {
        int d = m.length;
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += m[i][i];
        }
        double target = trace / d;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = (1 - alpha) * m[i][j] + (i == j ? alpha * target : 0);
            }
        }
    }

    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = v;
                m[j][i] = v;
            }
        }
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                if (aip == 0) {
                    continue;
                }
                double[] bp = b[p];
                double[] oi = out[i];
                for (int j = 0; j < m; j++) {
                    oi[j] += aip * bp[j];
                }
            }
        }
        return out;
    }

    /** vᵀ M as a row (M symmetric here, so also M v). */
    private static double[] multiplyVector(double[] v, double[][] m) {
        double[] out = new double[m[0].length];
        for (int i = 0; i < v.length; i++) {
            double vi = v[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += vi * m[i][j];
            }
        }
        return out;
    }
}
