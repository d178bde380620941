package dev.apprentice.phonesecurity.verification;

import static dev.apprentice.phonesecurity.verification.OneFeature.UNIT_BACKGROUND;
import static dev.apprentice.phonesecurity.verification.OneFeature.sample;
import static dev.apprentice.phonesecurity.verification.OneFeature.samples;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianDensityTest {

    @Test
    void givenOneFeatureThenTheScoreIsTheNormalLogDensityOfTheEnrolmentMeanAndVariance() {
        VerificationMethod.OwnerScorer owner = new GaussianDensity().prepare(UNIT_BACKGROUND, 1).enrol(samples("o", -1, 1), 1);
        double variance = 1 + GaussianDensity.VARIANCE_FLOOR;

        assertEquals(-0.5 * Math.log(2 * Math.PI * variance), owner.score(sample("x", 0)), 1e-9);
        assertEquals(-0.5 * Math.log(2 * Math.PI * variance) - 2 / variance, owner.score(sample("x", 2)), 1e-9);
    }

    @Test
    void theShrinkageMatchesLedoitAndWolfsFormulasComputedDirectly() {
        Random random = new Random(4);
        int n = 6;
        int d = 4;
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
        }
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
            }
        }
        // S, m = <S, I>, d² = ‖S − mI‖², b̄² = (1/n²) Σ ‖xxᵀ − S‖², ρ = min(b̄², d²) / d² (Ledoit & Wolf 2004, §3).
        double[][] s = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    s[a][b] += row[a] * row[b] / n;
                }
            }
        }
        double m = 0;
        for (int a = 0; a < d; a++) {
            m += s[a][a] / d;
        }
        double dispersion = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double c = s[a][b] - (a == b ? m : 0);
                dispersion += c * c;
            }
        }
        double error = 0;
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double c = row[a] * row[b] - s[a][b];
                    error += c * c;
                }
            }
        }
        error /= (double) n * n;
        double rho = Math.min(error, dispersion) / dispersion;
        assertTrue(rho > 0 && rho < 1, "the case exercises partial shrinkage: " + rho);

        double[] shrunk = GaussianDensity.shrunkCovariance(x, d);

        double[] expected = new double[d * d];
        double[] lower = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                expected[a * d + b] = (1 - rho) * s[a][b] + (a == b ? rho * m + GaussianDensity.VARIANCE_FLOOR : 0);
                lower[a * d + b] = shrunk[a * d + b];
            }
        }
        assertArrayEquals(expected, lower, 1e-12);
    }
}
