package dev.apprentice.il.data;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StateProfileTest {

    /** Correlated Gaussian states: x0 ~ N(5, 2), x1 = x0 + N(0, 0.1), x2 ~ N(0, 1), x3 constant 7. */
    private static DemonstrationSet states(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<float[]> states = new ArrayList<>();
        List<float[]> actions = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double x0 = 5 + 2 * rng.nextGaussian();
            states.add(new float[] {(float) x0, (float) (x0 + 0.1 * rng.nextGaussian()), (float) rng.nextGaussian(), 7});
            if (i < n) {
                actions.add(new float[] {0});
            }
        }
        return DemonstrationSet.fromTrajectories(Box.unbounded(4), new Discrete(2),
                List.of(Trajectory.of(states, actions, new float[n], false)));
    }

    @Test
    void aboutTheCalibratedShareOfFreshStatesFromTheSameDistributionIsFar() {
        // given a profile at the 99 % quantile
        StateProfile profile = StateProfile.fit(states(1, 20_000), 0.99);

        // when fresh states of the same distribution are checked
        double far = profile.farShare(states(2, 20_000));

        // then about 1 % are far
        assertEquals(0.01, far, 0.004);
    }

    @Test
    void breakingACorrelationTheTrainingStatesAlwaysHadIsFarEvenWhenEachFeatureIsTypical() {
        StateProfile profile = StateProfile.fit(states(1, 5_000), 0.999);

        // each of x0 and x1 is within one standard deviation, but they differ by 2 (training: 0.1)
        assertTrue(profile.far(new float[] {6, 4, 0, 7}));
        assertFalse(profile.far(new float[] {6, 6.05f, 0, 7}));
    }

    @Test
    void anyChangeInAFeatureTrainingNeverVariedIsFar() {
        StateProfile profile = StateProfile.fit(states(1, 5_000), 0.999);

        assertTrue(profile.far(new float[] {5, 5, 0, 7.01f}));
        assertFalse(profile.far(new float[] {5, 5, 0, 7}));
    }

    @Test
    void nonFiniteFeaturesAreInfinitelyFar() {
        StateProfile profile = StateProfile.fit(states(1, 1_000), 0.999);

        assertEquals(Double.POSITIVE_INFINITY, profile.distance(new float[] {Float.NaN, 5, 0, 7}));
        assertTrue(profile.far(new float[] {Float.POSITIVE_INFINITY, 5, 0, 7}));
    }

    @Test
    void survivesTheModelCardRoundTripExactly() {
        StateProfile profile = StateProfile.fit(states(1, 1_000), 0.995);
        StateProfile again = StateProfile.fromMap(profile.toMap());
        float[] probe = {4, 4.2f, 1.5f, 7};

        assertEquals(profile.distance(probe), again.distance(probe));
        assertEquals(profile.threshold(), again.threshold());
        assertEquals(0.995, again.quantile());
    }

    @Test
    void rejectsDamagedMapsAndTooFewStates() {
        Map<String, Object> good = StateProfile.fit(states(1, 1_000), 0.99).toMap();
        Map<String, Object> shortScale = new java.util.LinkedHashMap<>(good);
        shortScale.put("scale", List.of(1.0));
        Map<String, Object> noThreshold = new java.util.LinkedHashMap<>(good);
        noThreshold.remove("threshold");

        assertRejected(() -> StateProfile.fromMap(shortScale), "stateProfile.scale", "expected 4 numbers");
        assertRejected(() -> StateProfile.fromMap(noThreshold), "stateProfile.threshold", "expected a finite number");
        assertRejected(() -> StateProfile.fit(states(1, 5), 0.99), "expected at least 8 states");
        assertRejected(() -> StateProfile.fit(states(1, 100), 1.5), "quantile");
    }
}
