package dev.apprentice.phonesecurity.verification;

/**
 * The lower-triangular L with A = L Lᵀ of a symmetric positive definite matrix: how the Gaussian
 * density and the logistic regression's Newton steps solve their linear systems.
 */
final class CholeskyFactor {

    private final double[] l;
    private final int d;

    private CholeskyFactor(double[] l, int d) {
        this.l = l;
        this.d = d;
    }

    /**
     * Factors the row-major {@code d × d} matrix {@code a}, of which only the lower triangle is read.
     *
     * @throws IllegalStateException if it is not positive definite
     */
    static CholeskyFactor of(double[] a, int d) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalStateException("matrix: expected positive definite, found pivot " + sum
                                + " at row " + i);
                    }
                    l[i * d + i] = Math.sqrt(sum);
                } else {
                    l[i * d + j] = sum / l[j * d + j];
                }
            }
        }
        return new CholeskyFactor(l, d);
    }

    /** y with L y = b. */
    double[] solveLower(double[] b) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * d + k] * y[k];
            }
            y[i] = sum / l[i * d + i];
        }
        return y;
    }

    /** x with A x = b. */
    double[] solve(double[] b) {
        double[] x = solveLower(b);
        for (int i = d - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < d; k++) {
                sum -= l[k * d + i] * x[k];
            }
            x[i] = sum / l[i * d + i];
        }
        return x;
    }

    /** log det A. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += Math.log(l[i * d + i]);
        }
        return 2 * sum;
    }
}
