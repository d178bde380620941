package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreFusionTest {

    @Test
    void givenFiveScoresWhenFusingThreeThenEachWindowOfConsecutiveScoresIsAveraged() {
        assertArrayEquals(new double[] {2, 3, 5}, ScoreFusion.slidingMeans(new double[] {1, 2, 3, 4, 8}, 3));
    }

    @Test
    void givenOneSamplePerWindowThenTheScoresAreUnchanged() {
        assertArrayEquals(new double[] {4, -1, 2}, ScoreFusion.slidingMeans(new double[] {4, -1, 2}, 1));
    }

    @Test
    void givenASequenceShorterThanTheWindowThenThereAreNoWindows() {
        assertEquals(0, ScoreFusion.slidingMeans(new double[] {1, 2}, 3).length);
        assertEquals(1, ScoreFusion.slidingMeans(new double[] {1, 2, 3}, 3).length);
    }

    @Test
    void windowsOfNoSamplesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreFusion.slidingMeans(new double[] {1}, 0));
        assertEquals("k: expected at least 1 sample per window, found 0", e.getMessage());
    }
}
