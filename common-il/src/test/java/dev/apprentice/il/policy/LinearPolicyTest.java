package dev.apprentice.il.policy;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearPolicyTest {

    private static final Box OBSERVATIONS = Box.uniform(2, -10, 10);

    /** Scores (x0, x1, -x0 - x1) of the normalised observation x = ((o0 - 1) / 2, o1). */
    private final LinearPolicy discrete = new LinearPolicy(OBSERVATIONS, new Discrete(3),
            new ObservationNormalizer(new float[] {1, 0}, new float[] {2, 1}), new float[] {1, 0, 0, 1, -1, -1});

    /** Action (0.5 o0, -2 o1) clipped to [-1, 1]². */
    private final LinearPolicy continuous = new LinearPolicy(OBSERVATIONS, Box.uniform(2, -1, 1),
            ObservationNormalizer.identity(2), new float[] {0.5f, 0, 0, -2});

    @Test
    void discreteActionIsTheIndexOfTheLargestScore() {
        assertArrayEquals(new float[] {0}, discrete.actDeterministic(new float[] {5, 1}));
        assertArrayEquals(new float[] {1}, discrete.actDeterministic(new float[] {1, 3}));
        assertArrayEquals(new float[] {2}, discrete.actDeterministic(new float[] {-3, -1}));
    }

    @Test
    void boxActionIsTheLinearOutputClippedIntoTheBox() {
        assertArrayEquals(new float[] {0.5f, -0.5f}, continuous.actDeterministic(new float[] {1, 0.25f}));
        assertArrayEquals(new float[] {1, 1}, continuous.actDeterministic(new float[] {4, -1}));
        assertArrayEquals(new float[] {-1, -1}, continuous.actDeterministic(new float[] {-4, 1}));
    }

    @Test
    void actsDeterministicallyWhateverTheRandomStream() {
        float[] observation = {1, 3};

        assertArrayEquals(discrete.actDeterministic(observation), discrete.act(observation, new SplittableRandom(1)));
        assertEquals(0.0, discrete.logProbability(observation, new float[] {1}));
        assertEquals(Double.NEGATIVE_INFINITY, discrete.logProbability(observation, new float[] {0}));
    }

    @Test
    void anExtraColumnHoldsEachRowsIntercept() {
        // scores (x0 + 0, x1 + 0, 0 + 0.5): action 2 wherever neither coordinate exceeds 0.5
        LinearPolicy affine = new LinearPolicy(OBSERVATIONS, new Discrete(3), ObservationNormalizer.identity(2),
                new float[] {1, 0, 0, 0, 1, 0, 0, 0, 0.5f});

        assertTrue(affine.hasIntercept());
        assertArrayEquals(new float[] {2}, affine.actDeterministic(new float[] {0, 0}));
        assertArrayEquals(new float[] {0}, affine.actDeterministic(new float[] {0.8f, 0}));
        assertArrayEquals(new float[] {1}, affine.actDeterministic(new float[] {0.2f, 0.9f}));
        assertFalse(discrete.hasIntercept());
    }

    @Test
    void rejectsWrongWeightCount() {
        assertRejected(() -> new LinearPolicy(OBSERVATIONS, new Discrete(3), ObservationNormalizer.identity(2), new float[5]),
                "linear policy: expected 6 weights, found 5");
        assertRejected(() -> new LinearPolicy(OBSERVATIONS, Box.uniform(1, -1, 1), ObservationNormalizer.identity(2),
                new float[4]), "expected 2 weights, found 4");
        assertRejected(() -> new LinearPolicy(OBSERVATIONS, new Discrete(2), ObservationNormalizer.identity(2), null),
                "expected 4 weights, found null");
    }

    @Test
    void rejectsNormaliserOfTheWrongDimension() {
        assertRejected(() -> new LinearPolicy(OBSERVATIONS, new Discrete(2), ObservationNormalizer.identity(3), new float[4]),
                "normaliser has 3 dimensions, observation space has 2");
    }

    @Test
    void rejectsNonFiniteWeights() {
        assertRejected(() -> new LinearPolicy(OBSERVATIONS, new Discrete(2), ObservationNormalizer.identity(2),
                new float[] {0, 0, Float.NaN, 0}), "weights must be finite, found NaN");
    }

    @Test
    void rejectsObservationOfTheWrongDimension() {
        assertRejected(() -> continuous.actDeterministic(new float[3]), "observation: expected 2 values, found 3");
    }

    @Test
    void outputRowsAreActionsForDiscreteAndDimensionsForBoxes() {
        assertEquals(5, LinearPolicy.outputRows(new Discrete(5)));
        assertEquals(3, LinearPolicy.outputRows(Box.uniform(3, -1, 1)));
    }
}
