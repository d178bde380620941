package dev.apprentice.phonesecurity.verification;

import dev.apprentice.il.linalg.CholeskyFactor;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import java.util.List;

/**
 * The strongest simple baseline: a discriminative model of the owner against everyone else. L2-
 * regularised logistic regression separates the owner's enrolment samples (class 1) from the
 * background pool (class 0), in background-standardised units; a sample scores its log-odds of
 * being the owner's.
 *
 * <p>The objective is the usual ½‖w‖² + C Σᵢ cᵢ ℓᵢ with the intercept unpenalised, C = 1 (the
 * customary default strength, not tuned on the evaluation data), and class-balanced weights
 * cᵢ = N / (2 N_class) so that 15 owner samples count as much as thousands of background ones.
 * It is minimised by Newton's method with backtracking line search, stopped by the Newton
 * decrement (Boyd and Vandenberghe, Convex Optimization, 2004, §9.5), from zero: full-batch,
 * deterministic, and converged rather than stopped after a fixed budget.
 */
public final class LogisticRegression implements VerificationMethod {

    /** The weight C of the loss against the penalty ½‖w‖². */
    static final double C = 1;
    /** Converged when half the squared Newton decrement (the predicted gain) is below this. */
    static final double TOLERANCE = 1e-9;
    /** Newton steps allowed; a strongly convex objective like this one needs far fewer. */
    static final int MAX_ITERATIONS = 100;

    @Override
    public String name() {
        return "logistic-regression";
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        BackgroundScale scale = BackgroundScale.fit(background);
        double[][] others = new double[background.size()][];
        for (int i = 0; i < others.length; i++) {
            others[i] = withIntercept(scale.apply(background.get(i)));
        }
        return (owner, enrolSeed) -> {
            double[][] own = scale.owner(owner);
            for (int i = 0; i < own.length; i++) {
                own[i] = withIntercept(own[i]);
            }
            double[] w = fit(own, others, scale.dimension());
            return sample -> {
                double[] x = scale.apply(sample);
                double logOdds = w[x.length];
                for (int j = 0; j < x.length; j++) {
                    logOdds += w[j] * x[j];
                }
                return logOdds;
            };
        };
    }

    private static double[] withIntercept(double[] z) {
        double[] x = new double[z.length + 1];
        System.arraycopy(z, 0, x, 0, z.length);
        x[z.length] = 1;
        return x;
    }

    /** The weights (the intercept last) minimising the objective for rows that end with a 1. */
    static double[] fit(double[][] positives, double[][] negatives, int d) {
        int p = d + 1;
        int n = positives.length + negatives.length;
        double[][] rows = new double[n][];
        double[] labels = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            boolean positive = i < positives.length;
            rows[i] = positive ? positives[i] : negatives[i - positives.length];
            labels[i] = positive ? 1 : 0;
            weights[i] = C * n / (2.0 * (positive ? positives.length : negatives.length));
        }
        double[] w = new double[p];
        double objective = objective(w, rows, labels, weights, d);
        double[] curvature = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            for (int i = 0; i < n; i++) {
                double probability = sigmoid(dot(w, rows[i]));
                double g = weights[i] * (probability - labels[i]);
                for (int j = 0; j < p; j++) {
                    gradient[j] += g * rows[i][j];
                }
                curvature[i] = weights[i] * probability * (1 - probability);
            }
            double[] hessian = weightedGram(rows, curvature, p);
            for (int j = 0; j < d; j++) {
                gradient[j] += w[j];
                hessian[j * p + j] += 1;
            }
            double[] step = CholeskyFactor.of(hessian, p).solve(gradient);
            double decrement = 0;
            for (int j = 0; j < p; j++) {
                step[j] = -step[j];
                decrement -= gradient[j] * step[j];
            }
            if (decrement / 2 < TOLERANCE) {
                return w;
            }
            double[] candidate = new double[p];
            for (double t = 1; ; t /= 2) {
                if (t < 1e-12) {
                    // No step lowers the objective any more in double precision: this is the minimum.
                    return w;
                }
                for (int j = 0; j < p; j++) {
                    candidate[j] = w[j] + t * step[j];
                }
                double next = objective(candidate, rows, labels, weights, d);
                if (next <= objective - 0.25 * t * decrement) {
                    objective = next;
                    break;
                }
            }
            w = candidate;
        }
        throw new IllegalStateException("logistic regression: Newton's method did not converge in " + MAX_ITERATIONS
                + " iterations");
    }

    /**
     * The lower triangle of Σᵢ cᵢ xᵢxᵢᵀ (row-major p × p). Rows are taken eight at a time so that
     * each pass over the matrix adds eight outer products: the matrix is what limits the speed,
     * and this is most of the fit's time.
     */
    static double[] weightedGram(double[][] rows, double[] c, int p) {
        double[] gram = new double[p * p];
        int i = 0;
        for (; i + 8 <= rows.length; i += 8) {
            double[] x0 = rows[i];
            double[] x1 = rows[i + 1];
            double[] x2 = rows[i + 2];
            double[] x3 = rows[i + 3];
            double[] x4 = rows[i + 4];
            double[] x5 = rows[i + 5];
            double[] x6 = rows[i + 6];
            double[] x7 = rows[i + 7];
            for (int a = 0; a < p; a++) {
                double c0 = c[i] * x0[a];
                double c1 = c[i + 1] * x1[a];
                double c2 = c[i + 2] * x2[a];
                double c3 = c[i + 3] * x3[a];
                double c4 = c[i + 4] * x4[a];
                double c5 = c[i + 5] * x5[a];
                double c6 = c[i + 6] * x6[a];
                double c7 = c[i + 7] * x7[a];
                int row = a * p;
                for (int b = 0; b <= a; b++) {
                    gram[row + b] += c0 * x0[b] + c1 * x1[b] + c2 * x2[b] + c3 * x3[b] + c4 * x4[b] + c5 * x5[b]
                            + c6 * x6[b] + c7 * x7[b];
                }
            }
        }
        for (; i < rows.length; i++) {
            double[] x = rows[i];
            for (int a = 0; a < p; a++) {
                double ca = c[i] * x[a];
                int row = a * p;
                for (int b = 0; b <= a; b++) {
                    gram[row + b] += ca * x[b];
                }
            }
        }
        return gram;
    }

    private static double objective(double[] w, double[][] rows, double[] labels, double[] weights, int d) {
        double penalty = 0;
        for (int j = 0; j < d; j++) {
            penalty += w[j] * w[j];
        }
        double loss = 0;
        for (int i = 0; i < rows.length; i++) {
            double m = dot(w, rows[i]);
            loss += weights[i] * (softplus(m) - labels[i] * m);
        }
        return penalty / 2 + loss;
    }

    private static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * x[j];
        }
        return sum;
    }

    /** log(1 + eᵐ), without overflow. */
    private static double softplus(double m) {
        return Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    }

    private static double sigmoid(double m) {
        return m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
    }
}
