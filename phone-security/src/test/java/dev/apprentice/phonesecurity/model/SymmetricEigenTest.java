package dev.apprentice.phonesecurity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void decompositionRebuildsTheMatrixWithOrthonormalVectors() {
        // given a random symmetric 40 x 40 matrix
        SplittableRandom rng = new SplittableRandom(3);
        int n = 40;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        // when it is decomposed
        SymmetricEigen e = SymmetricEigen.of(a);
        // then V diag(λ) Vᵀ = A, the vectors are orthonormal and the values ascend
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    sum += e.values()[k] * e.vectors()[k][i] * e.vectors()[k][j];
                    dot += e.vectors()[i][k] * e.vectors()[j][k];
                }
                assertEquals(a[i][j], sum, 1e-9);
                assertEquals(i == j ? 1 : 0, dot, 1e-9);
            }
        }
        for (int k = 1; k < n; k++) {
            assertEquals(true, e.values()[k - 1] <= e.values()[k]);
        }
    }

    @Test
    void refusesAMatrixThatIsNotSymmetric() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}));
    }
}
