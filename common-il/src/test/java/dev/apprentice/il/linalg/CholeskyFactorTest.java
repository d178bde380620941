package dev.apprentice.il.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CholeskyFactorTest {

    /** A random symmetric positive definite matrix B Bᵀ + I. */
    static double[] spd(int d, long seed) {
        Random rng = new Random(seed);
        double[] b = new double[d * d];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian();
        }
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < d; k++) {
                    s += b[i * d + k] * b[j * d + k];
                }
                a[i * d + j] = s;
            }
        }
        return a;
    }

    @Test
    void solvesTheSystemAndGivesTheLogDeterminantAndTheQuadraticForm() {
        int d = 6;
        double[] a = spd(d, 3);
        CholeskyFactor f = CholeskyFactor.of(a, d);
        double[] b = {1, -2, 0.5, 3, 0, -1};
        double[] x = f.solve(b);
        for (int i = 0; i < d; i++) {
            double ax = 0;
            for (int j = 0; j < d; j++) {
                ax += a[i * d + j] * x[j];
            }
            assertEquals(b[i], ax, 1e-9);
        }
        double bx = 0;
        for (int i = 0; i < d; i++) {
            bx += b[i] * x[i];
        }
        assertEquals(bx, f.inverseQuadratic(b), 1e-9);
        // log det of a 2 × 2 matrix by hand: det [[4, 2], [2, 3]] = 8.
        assertEquals(Math.log(8), CholeskyFactor.of(new double[] {4, 2, 2, 3}, 2).logDeterminant(), 1e-12);
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteFailsUnlessItsPivotsAreFloored() {
        double[] singular = {1, 1, 1, 1};
        assertThrows(IllegalStateException.class, () -> CholeskyFactor.of(singular, 2));
        CholeskyFactor floored = CholeskyFactor.withPivotFloor(singular, 2, 1e-3);
        assertEquals(Math.sqrt(1e-3), floored.lower()[3], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CholeskyFactor.withPivotFloor(singular, 2, 0));
    }

    @Test
    void theLowerTriangleRoundTripsAndIsChecked() {
        CholeskyFactor f = CholeskyFactor.of(spd(4, 5), 4);
        CholeskyFactor back = CholeskyFactor.fromLower(f.lower(), 4);
        assertArrayEquals(f.lower(), back.lower());
        assertEquals(4, back.dimension());
        double[] bad = f.lower();
        bad[5] = 0;
        assertThrows(IllegalArgumentException.class, () -> CholeskyFactor.fromLower(bad, 4));
        assertThrows(IllegalArgumentException.class, () -> CholeskyFactor.fromLower(new double[15], 4));
    }
}
