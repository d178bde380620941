package dev.apprentice.il.algorithms.rail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearWarmStartTest {

    private static final Box STATES = Box.uniform(2, -10, 10);

    /** One episode of {@code n} random states in [-1, 1]² labelled by {@code label}. */
    private static DemonstrationSet demonstrations(Space actions, int n, java.util.function.Function<float[], float[]> label) {
        SplittableRandom rng = new SplittableRandom(5);
        int aw = actions.width();
        float[] states = new float[(n + 1) * 2];
        float[] acts = new float[n * aw];
        for (int i = 0; i <= n; i++) {
            states[2 * i] = (float) rng.nextDouble(-1, 1);
            states[2 * i + 1] = (float) rng.nextDouble(-1, 1) + 3;
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(label.apply(new float[] {states[2 * i], states[2 * i + 1]}), 0, acts, i * aw, aw);
        }
        return DemonstrationSet.fromTrajectories(STATES, actions,
                List.of(new Trajectory(2, aw, states, acts, new float[n], false)));
    }

    private static Policy policyOf(ArsState state, Space actions, boolean intercept) {
        PolicyFamily family = PolicyFamily.of(ArsConfig.builder().intercept(intercept).build(), STATES, actions);
        float[] theta = new float[state.parameters().length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) state.parameters()[i];
        }
        RunningMoments moments = RunningMoments.of(state.observationCount(), state.observationMean(), state.observationM2());
        return family.policy(theta, moments.normalizer());
    }

    @Test
    void clonesADiscreteExpertThatNeedsAnIntercept() {
        // given: action 1 only when x0 > 0.5, the rest of the time 0: separable by an affine rule, not a linear one
        Discrete actions = new Discrete(2);
        DemonstrationSet expert = demonstrations(actions, 400, s -> new float[] {s[0] > 0.5f ? 1 : 0});

        // when
        ArsState state = LinearWarmStart.fit(expert, true, 2000);
        Policy policy = policyOf(state, actions, true);

        // then
        int same = 0;
        for (int i = 0; i < expert.size(); i++) {
            same += policy.actDeterministic(expert.state(i))[0] == expert.action(i)[0] ? 1 : 0;
        }
        assertEquals(1.0, same / (double) expert.size(), 0.03);
        assertEquals(expert.size(), state.observationCount());
    }

    @Test
    void startsTheObservationStatisticsAtTheExpertStates() {
        DemonstrationSet expert = demonstrations(new Discrete(2), 50, s -> new float[] {s[0] > 0 ? 1 : 0});
        float[][] moments = expert.stateMoments();

        ArsState state = LinearWarmStart.fit(expert, false, 1);
        ObservationNormalizer normalizer = RunningMoments.of(state.observationCount(), state.observationMean(),
                state.observationM2()).normalizer();

        assertArrayEquals(moments[0], normalizer.mean(), 1e-6f);
        assertArrayEquals(moments[1], normalizer.std(), 1e-6f);
    }

    @Test
    void fitsABoxExpertByLeastSquares() {
        // given: a = 0.5 (x0 - x1 + 3), inside [-2, 2]
        Box actions = Box.uniform(1, -2, 2);
        DemonstrationSet expert = demonstrations(actions, 300, s -> new float[] {0.5f * (s[0] - s[1] + 3)});

        // when
        Policy policy = policyOf(LinearWarmStart.fit(expert, true, 3000), actions, true);

        // then
        float[] state = {0.4f, 2.8f};
        assertEquals(0.5 * (0.4 - 2.8 + 3), policy.actDeterministic(state)[0], 0.02);
    }
}
