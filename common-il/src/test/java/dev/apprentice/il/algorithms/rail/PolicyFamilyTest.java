package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import org.junit.jupiter.api.Test;

class PolicyFamilyTest {

    private static final Box OBSERVATIONS = Box.uniform(3, -1, 1);
    private static final ObservationNormalizer IDENTITY = ObservationNormalizer.identity(3);
    private static final ArsConfig MLP = ArsConfig.builder().policyType(ArsConfig.PolicyType.MLP).hiddenSizes(5).build();

    @Test
    void linearFamilyStartsAtTheZeroMatrixAndReadsThetaRowAfterRow() {
        PolicyFamily family = PolicyFamily.of(ArsConfig.defaults(), OBSERVATIONS, new Discrete(2));
        float[] theta = {1, 0, 0, 0, 1, 0};

        Policy policy = family.policy(theta, IDENTITY);

        assertEquals(6, family.parameterCount());
        assertArrayEquals(new double[6], family.initialParameters(1), 0.0);
        assertTrue(policy instanceof LinearPolicy);
        assertArrayEquals(new float[] {0}, policy.actDeterministic(new float[] {0.5f, 0.2f, 0}));
        assertArrayEquals(new float[] {1}, policy.actDeterministic(new float[] {0.2f, 0.5f, 0}));
    }

    @Test
    void linearFamilyWithAnInterceptEndsEachRowOfThetaWithIt() {
        PolicyFamily family = PolicyFamily.of(ArsConfig.builder().intercept(true).build(), OBSERVATIONS, new Discrete(2));
        float[] theta = {1, 0, 0, 0, 0, 1, 0, 0.3f};

        Policy policy = family.policy(theta, IDENTITY);

        assertEquals(8, family.parameterCount());
        assertArrayEquals(new double[8], family.initialParameters(1), 0.0);
        assertTrue(((LinearPolicy) policy).hasIntercept());
        assertArrayEquals(new float[] {1}, policy.actDeterministic(new float[] {0.2f, 0, 0}));
        assertArrayEquals(new float[] {0}, policy.actDeterministic(new float[] {0.5f, 0, 0}));
    }

    @Test
    void mlpFamilyForDiscreteActionsSearchesEveryWeightAndStartsWithZeroLogits() {
        // given: 3 → 5 tanh → 2 logits
        PolicyFamily family = PolicyFamily.of(MLP, OBSERVATIONS, new Discrete(2));
        double[] theta0 = family.initialParameters(7);
        float[] asFloats = new float[theta0.length];
        for (int i = 0; i < theta0.length; i++) {
            asFloats[i] = (float) theta0[i];
        }

        // when
        CategoricalMlpPolicy policy = (CategoricalMlpPolicy) family.policy(asFloats, IDENTITY);

        // then
        assertEquals(3 * 5 + 5 + 5 * 2 + 2, family.parameterCount());
        assertArrayEquals(new float[] {0, 0}, policy.networkOutput(new float[] {0.3f, -0.2f, 0.9f}));
        assertNotEquals(0.0, theta0[0], "hidden weights start Glorot-uniform, not at zero");
        assertArrayEquals(theta0, family.initialParameters(7), 0.0);
    }

    @Test
    void mlpFamilyForBoxesLeavesTheLogStdOutputsOutOfThetaAtZero() {
        // given: 3 → 5 tanh → (2 means, 2 log-std parameters)
        PolicyFamily family = PolicyFamily.of(MLP, OBSERVATIONS, Box.uniform(2, -2, 2));
        float[] theta = new float[family.parameterCount()];
        java.util.Arrays.fill(theta, 0.5f);

        // when
        GaussianMlpPolicy policy = (GaussianMlpPolicy) family.policy(theta, IDENTITY);
        float[] out = policy.networkOutput(new float[] {0.3f, -0.2f, 0.9f});

        // then
        assertEquals(3 * 5 + 5 + 5 * 2 + 2, family.parameterCount());
        assertNotEquals(0f, out[0]);
        assertNotEquals(0f, out[1]);
        assertEquals(0f, out[2]);
        assertEquals(0f, out[3]);
    }

    @Test
    void mlpFamilyRejectsAnUnboundedActionBox() {
        assertRejected(() -> PolicyFamily.of(MLP, OBSERVATIONS, Box.unbounded(2)),
                "policyType: an MLP policy squashes its actions into the action box, which needs finite bounds");
    }
}
