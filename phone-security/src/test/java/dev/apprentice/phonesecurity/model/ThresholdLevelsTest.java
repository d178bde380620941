package dev.apprentice.phonesecurity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdLevelsTest {

    @Test
    void theThresholdForARealRateIsTheMatchingUpperQuantileOfTheMeasuredScores() {
        // given 1,001 standardised impostor scores 0.000, 0.001, ..., 1.000 for one-sample sessions
        double[] scores = new double[1001];
        for (int i = 0; i < scores.length; i++) {
            scores[scores.length - 1 - i] = i / 1000.0;
        }
        ThresholdLevels levels = ThresholdLevels.of(new double[][] {scores});
        // then 1 % of them lie above the threshold for 1 %, half above the one for 50 %
        assertEquals(0.99, levels.standardThreshold(1, 0.01), 1e-3);
        assertEquals(0.5, levels.standardThreshold(1, 0.5), 1e-3);
        assertTrue(levels.standardThreshold(1, 0.01) > levels.standardThreshold(1, 0.5));
        // and it corrects only the session lengths it measured
        assertTrue(levels.corrects(1));
        assertFalse(levels.corrects(2));
        assertFalse(ThresholdLevels.none(10).corrects(1));
    }

    @Test
    void manyMeasurementsAreKeptAsAThousandQuantiles() {
        double[] many = new double[50_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        ThresholdLevels levels = ThresholdLevels.of(new double[][] {many});
        assertEquals(ThresholdLevels.POINTS, levels.tails()[0].length);
        assertEquals(0, levels.tails()[0][0]);
        assertEquals(49_999, levels.tails()[0][ThresholdLevels.POINTS - 1]);
    }
}
