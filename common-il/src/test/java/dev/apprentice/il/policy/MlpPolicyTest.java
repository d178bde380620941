package dev.apprentice.il.policy;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpPolicyTest {

    private static final Box OBSERVATIONS = Box.uniform(2, -5, 5);

    private static DenseNetwork linear(int inputs, int outputs, float... weights) {
        return new DenseNetwork(List.of(new DenseNetwork.Layer(inputs, outputs, weights, new float[outputs], Activation.IDENTITY)));
    }

    @Test
    void categoricalPolicyTakesLogitsFromTheNormalisedObservation() {
        ObservationNormalizer normalizer = new ObservationNormalizer(new float[] {1, 1}, new float[] {1, 1});
        CategoricalMlpPolicy policy = new CategoricalMlpPolicy(OBSERVATIONS, new Discrete(2), normalizer,
                linear(2, 2, 1, 0, 0, 1));

        CategoricalDistribution d = policy.distribution(new float[] {3, 1});

        // logits are the normalised observation (2, 0)
        assertEquals(Math.exp(2) / (Math.exp(2) + 1), d.probability(0), 1e-6);
        assertArrayEquals(new float[] {0}, policy.actDeterministic(new float[] {3, 1}));
    }

    @Test
    void gaussianPolicySplitsOutputsIntoMeanAndBoundedLogStd() {
        Box actions = Box.uniform(1, -2, 2);
        GaussianMlpPolicy policy = new GaussianMlpPolicy(OBSERVATIONS, actions, ObservationNormalizer.identity(2),
                linear(2, 2, 0.5f, 0, 0, 1));

        SquashedGaussianDistribution d = policy.distribution(new float[] {1, 0.3f});

        assertArrayEquals(new float[] {0.5f}, d.mean());
        assertArrayEquals(new float[] {GaussianMlpPolicy.boundedLogStd(0.3f)}, d.logStd());
        assertArrayEquals(SquashedGaussianDistribution.squash(new float[] {0.5f}, actions), policy.actDeterministic(new float[] {1, 0.3f}));
    }

    @Test
    void boundedLogStdSpansItsRangeSmoothly() {
        assertEquals(GaussianMlpPolicy.LOG_STD_MIN, GaussianMlpPolicy.boundedLogStd(-100), 1e-6);
        assertEquals(GaussianMlpPolicy.LOG_STD_MAX, GaussianMlpPolicy.boundedLogStd(100), 1e-6);
        assertEquals(-1.5f, GaussianMlpPolicy.boundedLogStd(0), 1e-6);
    }

    @Test
    void rejectsNetworkWithTheWrongNumberOfInputs() {
        assertRejected(() -> new CategoricalMlpPolicy(OBSERVATIONS, new Discrete(2), ObservationNormalizer.identity(2),
                linear(3, 2, new float[6])), "network takes 3 inputs, observation space has 2 dimensions");
    }

    @Test
    void rejectsNetworkWithTheWrongNumberOfOutputs() {
        assertRejected(() -> new CategoricalMlpPolicy(OBSERVATIONS, new Discrete(3), ObservationNormalizer.identity(2),
                linear(2, 2, new float[4])), "network produces 2 outputs, expected 3");
        assertRejected(() -> new GaussianMlpPolicy(OBSERVATIONS, Box.uniform(2, -1, 1), ObservationNormalizer.identity(2),
                linear(2, 2, new float[4])), "network produces 2 outputs, expected 4");
    }

    @Test
    void rejectsNormaliserOfTheWrongDimension() {
        assertRejected(() -> new CategoricalMlpPolicy(OBSERVATIONS, new Discrete(2), ObservationNormalizer.identity(1),
                linear(2, 2, new float[4])), "normaliser has 1 dimensions, observation space has 2");
    }

    @Test
    void gaussianPolicyRejectsUnboundedActionSpace() {
        assertRejected(() -> new GaussianMlpPolicy(OBSERVATIONS, Box.unbounded(1), ObservationNormalizer.identity(2),
                linear(2, 2, new float[4])), "a squashed Gaussian policy needs finite bounds");
    }
}
