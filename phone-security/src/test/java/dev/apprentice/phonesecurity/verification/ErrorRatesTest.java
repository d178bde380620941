package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.verification.ErrorRates.DetPoint;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorRatesTest {

    private static final double EXACT = 1e-12;

    @Test
    void givenOwnerScoresAllAboveImpostorsThenEveryErrorRateIsZero() {
        ErrorRates rates = ErrorRates.of(new double[] {5, 6, 7}, new double[] {1, 2, 3, 4});

        assertEquals(0, rates.equalErrorRate());
        assertEquals(0, rates.farAtFrr(0.01));
        assertEquals(0, rates.frrAtFar(0.01));
    }

    @Test
    void givenIdenticalScoresOnBothSidesThenTheEerIsOneHalf() {
        double[] same = new double[100];
        for (int i = 0; i < same.length; i++) {
            same[i] = i;
        }

        assertEquals(0.5, ErrorRates.of(same, same).equalErrorRate(), EXACT);
    }

    @Test
    void givenScoresFromOneDistributionThenTheEerIsNearOneHalf() {
        Random random = new Random(7);
        double[] owner = random.doubles(2000).toArray();
        double[] impostors = random.doubles(2000).toArray();

        assertEquals(0.5, ErrorRates.of(owner, impostors).equalErrorRate(), 0.03);
    }

    @Test
    void givenAWorkedExampleWithoutTiesThenTheRatesAreTheHandComputedOnes() {
        // Thresholds 1…7: FAR 1, .75, .5, .5, .25, .25, .25, then 0; FRR 0, 0, 0, 1/3, 1/3, 2/3, 1, then 1.
        ErrorRates rates = ErrorRates.of(new double[] {3, 5, 6}, new double[] {1, 2, 4, 7});

        assertEquals(1 / 3.0, rates.equalErrorRate(), EXACT, "FRR stays 1/3 while FAR steps from .5 to .25");
        assertEquals(0.5, rates.farAtFrr(0.01), EXACT);
        assertEquals(0.25, rates.farAtFrr(0.34), EXACT);
        assertEquals(1, rates.frrAtFar(0.01), EXACT, "only accepting no one keeps out the impostor at 7");
        assertEquals(1 / 3.0, rates.frrAtFar(0.25), EXACT);
    }

    @Test
    void givenATieBetweenAnOwnerAndAnImpostorThenTheEerInterpolatesAcrossTheStep() {
        // Accepting ≥ 2: FAR .5, FRR 0; accepting ≥ 4: FAR 0, FRR .5. The tie at 2 moves both rates at once,
        // and the line between the two points meets FAR = FRR at .25 (min-max would say .5).
        ErrorRates rates = ErrorRates.of(new double[] {2, 4}, new double[] {1, 2});

        assertEquals(0.25, rates.equalErrorRate(), EXACT);
        assertEquals(0.5, rates.farAtFrr(0.01), EXACT, "a threshold must keep the tied owner score, so it admits the impostor too");
    }

    @Test
    void givenEveryScoreTiedThenNoThresholdSplitsThemAndTheEerIsOneHalf() {
        ErrorRates rates = ErrorRates.of(new double[] {3, 3}, new double[] {3, 3, 3});

        assertEquals(0.5, rates.equalErrorRate(), EXACT);
        assertEquals(List.of(new DetPoint(1, 0), new DetPoint(0, 1)), rates.detCurve(10));
        assertEquals(1, rates.farAtFrr(0.01));
        assertEquals(1, rates.frrAtFar(0.99));
    }

    @Test
    void givenRandomTiedScoresThenTheRatesMatchABruteForceCount() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            double[] owner = random.ints(1 + random.nextInt(20), 0, 12).asDoubleStream().toArray();
            double[] impostors = random.ints(1 + random.nextInt(40), 0, 10).asDoubleStream().toArray();

            ErrorRates rates = ErrorRates.of(owner, impostors);

            double bestFarAtFrr5 = 1;
            double bestFrrAtFar10 = 1;
            double minMax = 1;
            double maxMin = 0;
            for (double t = -1; t <= 13; t += 0.5) {
                double far = count(impostors, t) / impostors.length;
                double frr = (owner.length - count(owner, t)) / owner.length;
                if (frr <= 0.05) {
                    bestFarAtFrr5 = Math.min(bestFarAtFrr5, far);
                }
                if (far <= 0.10) {
                    bestFrrAtFar10 = Math.min(bestFrrAtFar10, frr);
                }
                minMax = Math.min(minMax, Math.max(far, frr));
                maxMin = Math.max(maxMin, Math.min(far, frr));
            }
            assertEquals(bestFarAtFrr5, rates.farAtFrr(0.05), EXACT);
            assertEquals(bestFrrAtFar10, rates.frrAtFar(0.10), EXACT);
            double eer = rates.equalErrorRate();
            assertTrue(eer <= minMax + EXACT && eer >= maxMin - EXACT, eer + " outside [" + maxMin + ", " + minMax + "]");
        }
    }

    @Test
    void theDetCurveIsThinnedToTheLimitKeepingBothEnds() {
        Random random = new Random(3);
        ErrorRates rates = ErrorRates.of(random.doubles(500).toArray(), random.doubles(500).map(v -> v - 0.3).toArray());

        List<DetPoint> curve = rates.detCurve(50);

        assertEquals(50, curve.size());
        assertEquals(new DetPoint(1, 0), curve.get(0));
        assertEquals(new DetPoint(0, 1), curve.get(49));
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).far() <= curve.get(i - 1).far() && curve.get(i).frr() >= curve.get(i - 1).frr());
        }
        assertEquals(1001, rates.detCurve(5000).size(), "all 1000 distinct scores and accepting no one");
    }

    @Test
    void aMillionScoresAreRatedInSortingTime() {
        Random random = new Random(5);
        double[] owner = random.doubles(500_000).toArray();
        double[] impostors = random.doubles(500_000).map(v -> v - 0.5).toArray();

        long start = System.nanoTime();
        double eer = ErrorRates.of(owner, impostors).equalErrorRate();

        assertTrue(System.nanoTime() - start < 2_000_000_000L, "O(n log n): a million scores in well under two seconds, even on a busy machine");
        assertEquals(0.25, eer, 0.01);
    }

    @Test
    void missingOrNanScoresAreRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ErrorRates.of(new double[0], new double[] {1}));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ErrorRates.of(new double[] {1}, new double[] {Double.NaN}));
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> ErrorRates.of(new double[] {1}, new double[] {0}).farAtFrr(5));

        assertEquals("genuine scores: expected at least one, found none", none.getMessage());
        assertEquals("impostor scores: expected numbers, found NaN", nan.getMessage());
        assertEquals("FRR: expected a rate in [0, 1], found 5.0", target.getMessage());
    }

    private static double count(double[] scores, double threshold) {
        int accepted = 0;
        for (double s : scores) {
            if (s >= threshold) {
                accepted++;
            }
        }
        return accepted;
    }
}
