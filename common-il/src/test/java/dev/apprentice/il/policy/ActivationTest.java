package dev.apprentice.il.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rational tanh that training and serving share must be tanh to float precision everywhere. */
class ActivationTest {

    @Test
    void tanhMatchesMathTanhWithinFourTenMillionthsFromMinusTwentyToTwenty() {
        double worst = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float x = i * 1e-5f;
            worst = Math.max(worst, Math.abs(Activation.TANH.apply(x) - Math.tanh(x)));
        }
        assertTrue(worst < 4e-7, "largest error " + worst);
    }

    @Test
    void tanhIsOddSaturatesAndKeepsNaN() {
        assertEquals(0f, Activation.TANH.apply(0f));
        assertEquals(-Activation.TANH.apply(0.3f), Activation.TANH.apply(-0.3f));
        assertEquals(1f, Activation.TANH.apply(1e6f), 1e-6f);
        assertEquals(-1f, Activation.TANH.apply(-1e6f), 1e-6f);
        assertEquals(1e-20f, Activation.TANH.apply(1e-20f), 1e-26f);
        assertTrue(Float.isNaN(Activation.TANH.apply(Float.NaN)));
    }

    @Test
    void arrayFormsAgreeWithTheScalarFormsAndTheDerivatives() {
        float[] x = {-3f, -0.5f, 0f, 0.25f, 2f};
        for (Activation a : Activation.values()) {
            float[] y = x.clone();
            a.applyInPlace(y, 0, y.length);
            float[] gradient = {1f, 1f, 1f, 1f, 1f};
            a.multiplyByDerivative(gradient, y, y.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(a.apply(x[i]), y[i], a + " at " + x[i]);
                double h = 1e-3;
                double numeric = (a.apply((float) (x[i] + h)) - a.apply((float) (x[i] - h))) / (2 * h);
                if (a != Activation.RELU || x[i] != 0f) {
                    assertEquals(numeric, gradient[i], 2e-3, a + " derivative at " + x[i]);
                }
            }
        }
    }
}
