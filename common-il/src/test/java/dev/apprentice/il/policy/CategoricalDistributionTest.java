package dev.apprentice.il.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalDistributionTest {

    @Test
    void softmaxOfLargeLogitsIsFiniteAndShiftInvariant() {
        CategoricalDistribution large = CategoricalDistribution.fromLogits(new float[] {1000, 1001, 1002});
        CategoricalDistribution small = CategoricalDistribution.fromLogits(new float[] {0, 1, 2});

        float[] p = large.probabilities();

        double z = 1 + Math.E + Math.E * Math.E;
        assertArrayEquals(new float[] {(float) (1 / z), (float) (Math.E / z), (float) (Math.E * Math.E / z)}, p, 1e-6f);
        assertArrayEquals(small.probabilities(), p, 1e-6f);
    }

    @Test
    void softmaxOfVeryNegativeLogitsIsFinite() {
        float[] p = CategoricalDistribution.fromLogits(new float[] {-1000, -1000}).probabilities();

        assertArrayEquals(new float[] {0.5f, 0.5f}, p);
    }

    @Test
    void probabilitiesSumToOne() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            float[] logits = new float[1 + rng.nextInt(8)];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) (20 * rng.nextGaussian());
            }

            double sum = 0;
            for (float p : CategoricalDistribution.fromLogits(logits).probabilities()) {
                assertTrue(p >= 0);
                sum += p;
            }

            assertEquals(1.0, sum, 1e-6);
        }
    }

    @Test
    void logProbabilityIsTheLogOfTheActionsProbability() {
        CategoricalDistribution d = CategoricalDistribution.fromLogits(new float[] {0.5f, -1, 2});
        double z = Math.exp(0.5) + Math.exp(-1) + Math.exp(2);

        assertEquals(0.5 - Math.log(z), d.logProbability(new float[] {0}), 1e-6);
        assertEquals(-1 - Math.log(z), d.logProbability(new float[] {1}), 1e-6);
        assertEquals(Math.exp(2) / z, d.probability(2), 1e-6);
    }

    @Test
    void logProbabilityOfAnImpossibleActionIsMinusInfinity() {
        CategoricalDistribution d = CategoricalDistribution.fromLogits(new float[] {0, 0, 0});

        assertEquals(Double.NEGATIVE_INFINITY, d.logProbability(new float[] {3}));
        assertEquals(Double.NEGATIVE_INFINITY, d.logProbability(new float[] {-1}));
        assertEquals(Double.NEGATIVE_INFINITY, d.logProbability(new float[] {0.5f}));
        assertEquals(Double.NEGATIVE_INFINITY, d.logProbability(new float[] {1, 1}));
        assertEquals(Double.NEGATIVE_INFINITY, d.logProbability(new float[0]));
    }

    @Test
    void entropyOfUniformIsLogN() {
        for (int n : new int[] {1, 2, 5, 17}) {
            CategoricalDistribution uniform = CategoricalDistribution.fromLogits(new float[n]);

            assertEquals(Math.log(n), uniform.entropy(), 1e-6, "n = " + n);
        }
    }

    @Test
    void entropyMatchesDefinitionForSkewedProbabilities() {
        CategoricalDistribution d = CategoricalDistribution.fromLogits(
                new float[] {(float) Math.log(0.7), (float) Math.log(0.2), (float) Math.log(0.1)});

        assertEquals(-(0.7 * Math.log(0.7) + 0.2 * Math.log(0.2) + 0.1 * Math.log(0.1)), d.entropy(), 1e-6);
    }

    @Test
    void sampleFrequenciesMatchProbabilities() {
        double[] target = {0.1, 0.2, 0.45, 0.25};
        float[] logits = new float[target.length];
        for (int i = 0; i < target.length; i++) {
            logits[i] = (float) Math.log(target[i]);
        }
        CategoricalDistribution d = CategoricalDistribution.fromLogits(logits);
        SplittableRandom rng = new SplittableRandom(2024);
        int[] counts = new int[target.length];

        for (int i = 0; i < 20_000; i++) {
            counts[(int) d.sample(rng)[0]]++;
        }

        // four standard deviations of a frequency over 20k draws is at most 0.014
        for (int i = 0; i < target.length; i++) {
            assertEquals(target[i], counts[i] / 20_000.0, 0.014, "action " + i);
        }
    }

    @Test
    void modeIsTheMostLikelyActionWithTiesGoingToTheLowestIndex() {
        assertArrayEquals(new float[] {2}, CategoricalDistribution.fromLogits(new float[] {0, 1, 3, 2}).mode());
        assertEquals(1, CategoricalDistribution.fromLogits(new float[] {0, 5, 5}).argmax());
    }
}
