package dev.apprentice.il.nn;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The discriminator loss: its value by hand, and its coupled gradient against finite differences of the batch loss. */
class DiscriminatorLossTest {

    private static final float[] OUTPUTS = {0.8f, -0.3f, 1.7f, 0.2f, -1.1f, 0.4f, 0.45f, 0.9f, 0.7f};
    private static final float[] LABELS = {1, 1, 0, 0, 0, 2, 3, 2, 3};

    private static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c');
    }

    private static double totalLoss(DiscriminatorLoss loss, float[] outputs) {
        return loss.computeScore(column(LABELS), column(outputs), new ActivationIdentity(), null, false);
    }

    @ParameterizedTest(name = "leastSquares={0}, penalty={1}")
    @CsvSource({"false, 0", "true, 0", "false, 10", "true, 10"})
    void gradientMatchesFiniteDifferencesOfTheBatchLoss(boolean leastSquares, double penalty) {
        // given
        DiscriminatorLoss loss = new DiscriminatorLoss(leastSquares, penalty, 0.05, 3);
        // when
        INDArray gradient = loss.computeGradient(column(LABELS), column(OUTPUTS), new ActivationIdentity(), null);
        // then
        for (int i = 0; i < OUTPUTS.length; i++) {
            float[] up = OUTPUTS.clone();
            float[] down = OUTPUTS.clone();
            up[i] += 1e-3f;
            down[i] -= 1e-3f;
            double numeric = (totalLoss(loss, up) - totalLoss(loss, down)) / ((double) up[i] - down[i]);
            double analytic = gradient.getDouble(i, 0);
            assertEquals(numeric, analytic, 2e-2 * Math.max(0.1, Math.abs(numeric)), "row " + i);
        }
    }

    @Test
    void leastSquaresLossIsHalfTheMeanSquaredDistanceToEachClassTarget() {
        // given
        DiscriminatorLoss loss = new DiscriminatorLoss(true, 0, 0.05, 3);
        // when
        double mean = loss.computeScore(column(LABELS), column(OUTPUTS), new ActivationIdentity(), null, true);
        // then: expert rows 0.8, -0.3; generated rows 1.7, 0.2, -1.1; penalty off
        double expert = (0.5 * 0.2 * 0.2 + 0.5 * 1.3 * 1.3) / 2;
        double generated = (0.5 * 1.7 * 1.7 + 0.5 * 0.2 * 0.2 + 0.5 * 1.1 * 1.1) / 3;
        assertEquals(expert + generated, mean, 1e-5);
    }

    @Test
    void ganLossOfPerfectlyConfidentCorrectOutputsIsNearZero() {
        // given
        DiscriminatorLoss loss = new DiscriminatorLoss(false, 0, 0.05, 3);
        float[] labels = {1, 0};
        // when
        double score = loss.computeScore(column(labels), column(new float[] {30f, -30f}), new ActivationIdentity(), null,
                true);
        // then
        assertTrue(score < 1e-6, "loss " + score);
    }

    @Test
    void rejectsUnknownRowLabelsAndUnpairedPenaltyRows() {
        DiscriminatorLoss loss = new DiscriminatorLoss(false, 1, 0.05, 3);
        assertRejected(() -> loss.computeScore(column(new float[] {1, 5}), column(new float[] {0, 0}),
                new ActivationIdentity(), null, true), "row 1", "label 5");
        assertRejected(() -> loss.computeScore(column(new float[] {1, 2}), column(new float[] {0, 0}),
                new ActivationIdentity(), null, true), "1 penalty rows", "0 at");
    }
}
