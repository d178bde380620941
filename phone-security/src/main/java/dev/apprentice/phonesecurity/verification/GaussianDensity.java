package dev.apprentice.phonesecurity.verification;

import dev.apprentice.il.linalg.CholeskyFactor;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import java.util.List;

/**
 * A one-class model: the owner as a Gaussian fitted to their enrolment samples in
 * background-standardised units, a sample scoring its log-density. Fifteen samples cannot estimate
 * a 142 × 142 covariance, so the sample covariance S is shrunk towards a multiple of the identity,
 * Σ = ρνI + (1 − ρ)S with ν = tr(S)/d, and the intensity ρ is the Ledoit–Wolf estimate (Ledoit and
 * Wolf, "A well-conditioned estimator for large-dimensional covariance matrices", J. Multivariate
 * Analysis 88, 2004): computed from the enrolment samples alone, so nothing is tuned on the
 * evaluation data.
 */
public final class GaussianDensity implements VerificationMethod {

    /**
     * Added to the covariance's diagonal, in squared background standard deviations, so that one
     * enrolment sample or identical ones still give a proper density.
     */
    static final double VARIANCE_FLOOR = 1e-6;

    @Override
    public String name() {
        return "gaussian-density";
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        BackgroundScale scale = BackgroundScale.fit(background);
        return (owner, enrolSeed) -> {
            double[][] z = scale.owner(owner);
            int n = z.length;
            int d = scale.dimension();
            double[] mean = new double[d];
            for (double[] x : z) {
                for (int j = 0; j < d; j++) {
                    mean[j] += x[j] / n;
                }
            }
            double[][] centred = new double[n][d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    centred[i][j] = z[i][j] - mean[j];
                }
            }
            double[] covariance = shrunkCovariance(centred, d);
            CholeskyFactor factor = CholeskyFactor.of(covariance, d);
            double constant = -0.5 * (factor.logDeterminant() + d * Math.log(2 * Math.PI));
            return sample -> {
                double[] x = scale.apply(sample);
                for (int j = 0; j < d; j++) {
                    x[j] -= mean[j];
                }
                double[] whitened = factor.solveLower(x);
                double sq = 0;
                for (double w : whitened) {
                    sq += w * w;
                }
                return constant - 0.5 * sq;
            };
        };
    }

    /**
     * The Ledoit–Wolf covariance of centred rows (row-major d × d). With S = XᵀX/n, the paper's
     * quantities need only the n × n Gram matrix G = XXᵀ: tr S = tr G / n, ‖S‖² = ‖G‖² / n², the
     * dispersion δ² = ‖S − νI‖² = ‖S‖² − ν²d and the sampling error
     * β̄² = (1/n²) Σₖ ‖xₖxₖᵀ − S‖² = (Σₖ Gₖₖ² / n − ‖S‖²) / n, giving ρ = min(β̄², δ²) / δ².
     */
    static double[] shrunkCovariance(double[][] centred, int d) {
        int n = centred.length;
        double gramSquares = 0;
        double fourthPowers = 0;
        double trace = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double g = 0;
                for (int j = 0; j < d; j++) {
                    g += centred[a][j] * centred[b][j];
                }
                gramSquares += g * g;
                if (a == b) {
                    fourthPowers += g * g;
                    trace += g;
                }
            }
        }
        double nu = trace / n / d;
        double sNormSq = gramSquares / ((double) n * n);
        double dispersion = sNormSq - nu * nu * d;
        double samplingError = Math.max(0, (fourthPowers / n - sNormSq) / n);
        double rho = dispersion > 0 ? Math.min(samplingError, dispersion) / dispersion : 1;
        double[] covariance = new double[d * d];
        for (double[] x : centred) {
            for (int a = 0; a < d; a++) {
                double xa = (1 - rho) * x[a] / n;
                for (int b = 0; b <= a; b++) {
                    covariance[a * d + b] += xa * x[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            covariance[a * d + a] += rho * nu + VARIANCE_FLOOR;
        }
        return covariance;
    }
}
