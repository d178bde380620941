package dev.apprentice.il.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PPO's clipped surrogate: its value by hand, and its gradient against finite differences inside and outside the clip range. */
class PpoClippedLossTest {

    private static INDArray rows(float[] values, int width) {
        return Nd4j.create(values, new long[] {values.length / width, width}, 'c');
    }

    private static void assertGradientMatchesFiniteDifferences(PpoClippedLoss loss, float[] outputs, int width, float[] labels,
            int labelWidth) {
        INDArray gradient = loss.computeGradient(rows(labels, labelWidth), rows(outputs, width), new ActivationIdentity(), null);
        for (int i = 0; i < outputs.length; i++) {
            float[] up = outputs.clone();
            float[] down = outputs.clone();
            up[i] += 1e-3f;
            down[i] -= 1e-3f;
            double numeric = (loss.computeScore(rows(labels, labelWidth), rows(up, width), new ActivationIdentity(), null, false)
                    - loss.computeScore(rows(labels, labelWidth), rows(down, width), new ActivationIdentity(), null, false))
                    / ((double) up[i] - down[i]);
            assertEquals(numeric, gradient.getDouble(i / width, i % width), 2e-2 * Math.max(0.1, Math.abs(numeric)),
                    "output " + i);
        }
    }

    @Test
    void categoricalGradientMatchesFiniteDifferencesInsideAndOutsideTheClipRange() {
        // logits of 3 examples; old log-probabilities put the ratio inside, above and below [0.8, 1.2]
        float[] logits = {0.2f, -0.4f, 1.0f, 1.5f, 0.1f, -0.3f, -1.0f, 0.5f, 0.3f};
        float[] labels = {2, -0.9f, 1.3f, 0, -1.0f, 0.7f, 1, -1.5f, -0.8f};
        assertGradientMatchesFiniteDifferences(new PpoClippedLoss(false, 0.2, 0.01), logits, 3, labels, 3);
    }

    @Test
    void gaussianGradientMatchesFiniteDifferences() {
        // two examples, 2 action dimensions: means then log-std parameters; labels u1, u2, old log-prob, advantage
        float[] outputs = {0.1f, -0.3f, 0.2f, -0.1f, 0.5f, 0.4f, -0.6f, 0.3f};
        float[] labels = {0.3f, -0.1f, -2.2f, 0.9f, 0.2f, 0.6f, -3.5f, -1.2f};
        assertGradientMatchesFiniteDifferences(new PpoClippedLoss(true, 0.2, 0.01), outputs, 4, labels, 4);
    }

    @Test
    void positiveAdvantageGainsNothingBeyondOnePlusEpsilon() {
        // given: log π = log softmax([3, 0])[0] ≈ -0.0486; old log π = log(0.5): ratio ≈ 1.90 > 1.2
        PpoClippedLoss loss = new PpoClippedLoss(false, 0.2, 0.0);
        // when
        double value = loss.computeScore(rows(new float[] {0, (float) Math.log(0.5), 2}, 3), rows(new float[] {3, 0}, 2),
                new ActivationIdentity(), null, true);
        INDArray gradient = loss.computeGradient(rows(new float[] {0, (float) Math.log(0.5), 2}, 3),
                rows(new float[] {3, 0}, 2), new ActivationIdentity(), null);
        // then: −min(ρA, 1.2A) = −2.4, and no gradient pushes further
        assertEquals(-2.4, value, 1e-6);
        assertEquals(0.0, gradient.getDouble(0, 0), 0.0);
        assertEquals(0.0, gradient.getDouble(0, 1), 0.0);
    }
}
