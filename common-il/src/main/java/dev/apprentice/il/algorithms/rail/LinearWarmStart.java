package dev.apprentice.il.algorithms.rail;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.Arrays;

/**
 * Behaviour cloning of the linear (or affine) ARS policy, the warm start of
 * {@link RailConfig#warmStartEpochs()}: deterministic full-batch gradient descent on the expert
 * states normalised by their own moments, minimising the softmax cross-entropy of the action
 * scores for discrete actions and the squared error of the unclipped output for boxes, with a
 * small L2 penalty on M (not on the intercepts). The result is the ARS state to start from: θ in
 * {@link PolicyFamily}'s layout, and observation statistics holding the expert states, so the
 * normaliser the fit assumed is the one the search starts with.
 */
final class LinearWarmStart {

    /**
     * Gradient step on normalised features; full-batch, so stable well above Adam's usual rates,
     * unless strongly correlated features make the squared error's curvature exceed 2 / step
     * (then {@link #stableStep} takes over).
     */
    static final double LEARNING_RATE = 0.5;
    /** L2 penalty on M: keeps weights finite when an action is separable from the others. */
    static final double L2 = 1e-3;

    private LinearWarmStart() {
    }

    static ArsState fit(DemonstrationSet expert, boolean intercept, int epochs) {
        float[][] moments = expert.stateMoments();
        ObservationNormalizer normalizer = new ObservationNormalizer(moments[0], moments[1]);
        int n = expert.size();
        int d = expert.stateWidth();
        int rows = LinearPolicy.outputRows(expert.actionSpace());
        int cols = d + (intercept ? 1 : 0);
        double[][] x = new double[n][cols];
        for (int i = 0; i < n; i++) {
            float[] z = normalizer.normalize(expert.state(i));
            for (int j = 0; j < d; j++) {
                x[i][j] = z[j];
            }
            if (intercept) {
                x[i][d] = 1;
            }
        }
        boolean discrete = expert.actionSpace() instanceof Discrete;
        Box box = discrete ? null : (Box) expert.actionSpace();
        double step = stableStep(x, cols);
        double[] theta = new double[rows * cols];
        double[] gradient = new double[theta.length];
        double[] y = new double[rows];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Arrays.fill(gradient, 0);
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    for (int c = 0; c < cols; c++) {
                        s += theta[r * cols + c] * x[i][c];
                    }
                    y[r] = s;
                }
                float[] action = expert.action(i);
                if (discrete) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double v : y) {
                        max = Math.max(max, v);
                    }
                    double z = 0;
                    for (int r = 0; r < rows; r++) {
                        y[r] = Math.exp(y[r] - max);
                        z += y[r];
                    }
                    for (int r = 0; r < rows; r++) {
                        y[r] = y[r] / z - (r == (int) action[0] ? 1 : 0);
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        float target = Float.isFinite(box.low(r)) && Float.isFinite(box.high(r))
                                ? Math.max(box.low(r), Math.min(box.high(r), action[r])) : action[r];
                        y[r] -= target;
                    }
                }
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        gradient[r * cols + c] += y[r] * x[i][c] / n;
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int k = r * cols + c;
                    double penalty = c < d ? L2 * theta[k] : 0;
                    theta[k] -= step * (gradient[k] + penalty);
                }
            }
        }
        double[] mean = new double[d];
        double[] m2 = new double[d];
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalStateException("linear warm start diverged (step " + step + "); report this with the data");
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = moments[0][j];
            m2[j] = (double) moments[1][j] * moments[1][j] * n;
        }
        return new ArsState(theta, n, mean, m2);
    }

    /**
     * {@link #LEARNING_RATE}, or 1.9 / λ when the largest eigenvalue λ of the features' second-moment
     * matrix (estimated by 50 power iterations) would make that rate diverge: gradient descent on a
     * quadratic is stable below 2 / λ. Correlated features (a BIS history, a rate and its logarithm)
     * push λ well above the 4 that {@code 0.5} tolerates.
     */
    static double stableStep(double[][] x, int cols) {
        double[] gram = new double[cols * cols];
        for (double[] row : x) {
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < cols; b++) {
                    gram[a * cols + b] += row[a] * row[b] / x.length;
                }
            }
        }
        double[] v = new double[cols];
        Arrays.fill(v, 1 / Math.sqrt(cols));
        double lambda = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] w = new double[cols];
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < cols; b++) {
                    w[a] += gram[a * cols + b] * v[b];
                }
            }
            double norm = 0;
            for (double value : w) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return LEARNING_RATE;
            }
            lambda = norm;
            for (int a = 0; a < cols; a++) {
                v[a] = w[a] / norm;
            }
        }
        return Math.min(LEARNING_RATE, 1.9 / (lambda + L2));
    }
}
