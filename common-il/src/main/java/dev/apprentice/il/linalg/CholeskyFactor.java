package dev.apprentice.il.linalg;

/**
 * The lower-triangular L with A = L Lᵀ of a symmetric positive definite matrix, row-major: how
 * Mahalanobis distances, Gaussian densities and Newton steps solve their linear systems without
 * a matrix library. Immutable.
 */
public final class CholeskyFactor {

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
    public static CholeskyFactor of(double[] a, int d) {
        return factor(a, d, Double.NaN);
    }

    /**
     * Factors {@code a} as {@link #of} does, but a pivot below {@code floor} (a numerically
     * semi-definite matrix) is raised to it instead of failing.
     */
    public static CholeskyFactor withPivotFloor(double[] a, int d, double floor) {
        if (!(floor > 0)) {
            throw new IllegalArgumentException("floor: expected a positive value, found " + floor);
        }
        return factor(a, d, floor);
    }

    /**
     * A factor from its lower triangle, as {@link #lower()} gave it.
     *
     * @throws IllegalArgumentException for a length other than d², or a diagonal entry that is not positive
     */
    public static CholeskyFactor fromLower(double[] l, int d) {
        if (l.length != d * d) {
            throw new IllegalArgumentException("cholesky: expected " + d * d + " numbers, found " + l.length);
        }
        for (int i = 0; i < d; i++) {
            if (!(l[i * d + i] > 0)) {
                throw new IllegalArgumentException("cholesky: the diagonal must be positive, found " + l[i * d + i]
                        + " at " + i);
            }
        }
        return new CholeskyFactor(l.clone(), d);
    }

    private static CholeskyFactor factor(double[] a, int d, double floor) {
        if (a.length != d * d) {
            throw new IllegalArgumentException("matrix: expected " + d * d + " numbers, found " + a.length);
        }
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    if (!Double.isNaN(floor)) {
                        sum = Math.max(sum, floor);
                    } else if (!(sum > 0)) {
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

    /** The dimension d. */
    public int dimension() {
        return d;
    }

    /** A copy of L, row-major {@code d × d} (zeros above the diagonal). */
    public double[] lower() {
        return l.clone();
    }

    /** y with L y = b. */
    public double[] solveLower(double[] b) {
        if (b.length != d) {
            throw new IllegalArgumentException("b: expected " + d + " values, found " + b.length);
        }
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
    public double[] solve(double[] b) {
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

    /** bᵀ A⁻¹ b, the squared Mahalanobis length of b: |L⁻¹ b|². */
    public double inverseQuadratic(double[] b) {
        double sum = 0;
        for (double y : solveLower(b)) {
            sum += y * y;
        }
        return sum;
    }

    /** log det A. */
    public double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += Math.log(l[i * d + i]);
        }
        return 2 * sum;
    }
}
