package dev.apprentice.phonesecurity.verification;

import static dev.apprentice.phonesecurity.verification.OneFeature.sample;
import static dev.apprentice.phonesecurity.verification.OneFeature.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void theFitIsConvergedTheGradientOfTheBalancedPenalisedObjectiveVanishes() {
        Random random = new Random(9);
        int d = 5;
        double[][] positives = rows(random, 15, d, 2);
        double[][] negatives = rows(random, 400, d, 0);

        double[] w = LogisticRegression.fit(positives, negatives, d);

        double[] gradient = new double[d + 1];
        accumulateLossGradient(w, positives, 1, (positives.length + negatives.length) / (2.0 * positives.length), gradient);
        accumulateLossGradient(w, negatives, 0, (positives.length + negatives.length) / (2.0 * negatives.length), gradient);
        for (int j = 0; j < d; j++) {
            gradient[j] += w[j];
        }
        for (double g : gradient) {
            assertEquals(0, g, 1e-5, "against a loss of the order of the sample count, 415");
        }
        for (int j = 0; j < d; j++) {
            assertTrue(w[j] > 0, "the owner's shifted features get positive weights: " + w[j]);
        }
    }

    @Test
    void givenOwnersAboveOthersThenHigherValuesScoreMoreOwnerLike() {
        VerificationMethod.OwnerScorer owner = new LogisticRegression()
                .prepare(samples("b", -2, -1.5, -1, -0.5, 0, 0.5), 1).enrol(samples("o", 1, 1.5, 2), 1);

        assertTrue(owner.score(sample("x", 2)) > owner.score(sample("x", 0)));
        assertTrue(owner.score(sample("x", 0)) > owner.score(sample("x", -2)));
    }

    @Test
    void theWeightedGramMatrixIsTheSumOfWeightedOuterProducts() {
        Random random = new Random(2);
        double[][] rows = rows(random, 19, 3, 0);
        double[] c = random.doubles(19).toArray();

        double[] gram = LogisticRegression.weightedGram(rows, c, 4);

        for (int a = 0; a < 4; a++) {
            for (int b = 0; b <= a; b++) {
                double expected = 0;
                for (int i = 0; i < rows.length; i++) {
                    expected += c[i] * rows[i][a] * rows[i][b];
                }
                assertEquals(expected, gram[a * 4 + b], 1e-12);
            }
        }
    }

    /** Rows of d Gaussian features shifted by {@code shift}, then a 1 for the intercept. */
    private static double[][] rows(Random random, int n, int d, double shift) {
        double[][] rows = new double[n][d + 1];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian() + shift;
            }
            row[d] = 1;
        }
        return rows;
    }

    private static void accumulateLossGradient(double[] w, double[][] rows, int label, double weight, double[] gradient) {
        for (double[] x : rows) {
            double m = 0;
            for (int j = 0; j < w.length; j++) {
                m += w[j] * x[j];
            }
            double p = 1 / (1 + Math.exp(-m));
            for (int j = 0; j < w.length; j++) {
                gradient[j] += weight * (p - label) * x[j];
            }
        }
    }
}
