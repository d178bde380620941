package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.policy.ObservationNormalizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunningMomentsTest {

    private static float[][] sample(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        float[][] xs = new float[n][];
        for (int i = 0; i < n; i++) {
            xs[i] = new float[] {(float) rng.nextDouble(-3, 5), (float) (100 + rng.nextGaussian())};
        }
        return xs;
    }

    @Test
    void mergingPartialStatisticsInOrderMatchesTheDirectMeanAndPopulationVariance() {
        // given: 1,000 observations split into uneven chunks, one of them empty
        float[][] xs = sample(1_000);
        int[] cuts = {0, 1, 1, 250, 731, 1_000};
        RunningMoments merged = new RunningMoments(2);

        // when
        for (int c = 0; c + 1 < cuts.length; c++) {
            RunningMoments part = new RunningMoments(2);
            for (int i = cuts[c]; i < cuts[c + 1]; i++) {
                part.add(xs[i]);
            }
            merged.merge(part);
        }

        // then
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            for (float[] x : xs) {
                mean += x[j] / 1_000.0;
            }
            double squares = 0;
            for (float[] x : xs) {
                squares += (x[j] - mean) * (x[j] - mean);
            }
            assertEquals(mean, merged.mean()[j], 1e-9);
            assertEquals(squares, merged.m2()[j], 1e-6);
        }
        assertEquals(1_000, merged.count());
        ObservationNormalizer normalizer = merged.normalizer();
        assertEquals((float) Math.sqrt(merged.m2()[1] / 1_000), normalizer.std()[1], 1e-6f);
    }

    @Test
    void normalizerIsTheIdentityUntilTwoObservationsHaveBeenSeen() {
        RunningMoments moments = new RunningMoments(2);
        moments.add(new float[] {4, -7});

        ObservationNormalizer normalizer = moments.normalizer();

        assertArrayEquals(new float[] {0, 0}, normalizer.mean());
        assertArrayEquals(new float[] {1, 1}, normalizer.std());
    }

    @Test
    void restoredStatisticsEqualTheSavedOnes() {
        RunningMoments moments = new RunningMoments(2);
        for (float[] x : sample(10)) {
            moments.add(x);
        }

        RunningMoments restored = RunningMoments.of(moments.count(), moments.mean(), moments.m2());

        assertEquals(10, restored.count());
        assertArrayEquals(moments.mean(), restored.mean(), 0.0);
        assertArrayEquals(moments.m2(), restored.m2(), 0.0);
        assertRejected(() -> RunningMoments.of(-1, new double[2], new double[2]), "expected a count >= 0", "found -1, 2 and 2");
        assertRejected(() -> RunningMoments.of(3, new double[2], new double[3]), "found 3, 2 and 3");
    }
}
