package dev.apprentice.il.env.reference;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CartPoleEnvironmentTest {

    private static final double TWELVE_DEGREES = Math.toRadians(12);

    /**
     * One explicit-Euler step of the cart-pole equations of motion (Barto, Sutton and Anderson
     * 1983; Florian 2007, "Correct equations for the dynamics of the cart-pole system") with
     * g = 9.8, cart 1 kg, pole 0.1 kg, half-length 0.5 m, force ±10 N, dt = 0.02 s.
     */
    private static double[] eulerStep(double[] s, int push) {
        double g = 9.8;
        double cart = 1.0;
        double pole = 0.1;
        double halfLength = 0.5;
        double dt = 0.02;
        double force = push == 1 ? 10 : -10;
        double theta = s[2];
        double omega = s[3];
        double total = cart + pole;
        double b = (force + pole * halfLength * omega * omega * Math.sin(theta)) / total;
        double alpha = (g * Math.sin(theta) - Math.cos(theta) * b)
                / (halfLength * (4.0 / 3.0 - pole * Math.cos(theta) * Math.cos(theta) / total));
        double a = b - pole * halfLength * alpha * Math.cos(theta) / total;
        return new double[] {s[0] + dt * s[1], s[1] + dt * a, theta + dt * omega, omega + dt * alpha};
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void referenceStepMatchesHandComputedAccelerationsAtRest() {
        // upright at rest, pushed right: b = 10 / 1.1, alpha = -b / (0.5 (4/3 - 0.1 / 1.1)), a = b - 0.05 alpha / 1.1
        double[] next = eulerStep(new double[] {0, 0, 0, 0}, 1);

        assertEquals(0.02 * 9.756098, next[1], 1e-7);
        assertEquals(0.02 * -14.634146, next[3], 1e-7);
        assertEquals(0.0, next[0]);
        assertEquals(0.0, next[2]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void singleStepFollowsTheEulerUpdate(int push) {
        CartPoleEnvironment env = new CartPoleEnvironment();
        float[] start = env.reset(21);

        StepResult result = env.step(new float[] {push});

        double[] expected = eulerStep(toDouble(start), push);
        assertArrayEquals(expected, toDouble(result.observation()), 1e-6);
        assertEquals(1.0, result.reward());
        assertFalse(result.done());
    }

    @Test
    void everyStepOfAnEpisodeFollowsTheEulerUpdate() {
        CartPoleEnvironment env = new CartPoleEnvironment();
        SplittableRandom coin = new SplittableRandom(4);
        float[] observation = env.reset(4);
        boolean done = false;

        while (!done) {
            int push = coin.nextInt(2);
            StepResult result = env.step(new float[] {push});
            assertArrayEquals(eulerStep(toDouble(observation), push), toDouble(result.observation()), 1e-5);
            observation = result.observation();
            done = result.done();
        }
    }

    @Test
    void resetDrawsEveryComponentWithinFiveHundredthsAndIsReproducible() {
        for (long seed = 0; seed < 50; seed++) {
            float[] first = new CartPoleEnvironment().reset(seed);
            float[] second = new CartPoleEnvironment().reset(seed);

            assertArrayEquals(first, second);
            for (float v : first) {
                assertTrue(Math.abs(v) <= 0.05f, "seed " + seed + " drew " + v);
            }
        }
    }

    /** Runs an episode with {@code actor}, asserting at each step that termination means |θ| > 12° or |x| > 2.4. */
    private static float[] runCheckingTermination(Actor actor, long seed) {
        CartPoleEnvironment env = new CartPoleEnvironment();
        float[] observation = env.reset(seed);
        for (int step = 1; step <= CartPoleEnvironment.MAX_STEPS; step++) {
            StepResult result = env.step(actor.act(observation, null));
            observation = result.observation();
            boolean outside = Math.abs(observation[0]) > 2.4 || Math.abs(observation[2]) > TWELVE_DEGREES;
            assertEquals(outside, result.terminated(), "step " + step + " at " + java.util.Arrays.toString(observation));
            if (result.terminated()) {
                return observation;
            }
        }
        throw new AssertionError("episode did not terminate");
    }

    @Test
    void poleFallingPastTwelveDegreesTerminates() {
        float[] end = runCheckingTermination((o, r) -> new float[] {1}, 8);

        assertTrue(Math.abs(end[2]) > TWELVE_DEGREES);
        assertTrue(Math.abs(end[0]) <= 2.4);
    }

    @Test
    void cartLeavingTheTrackPastTwoPointFourTerminates() {
        // the expert balancing around x = 3 instead of 0 keeps the pole up while it drives off the track
        CartPoleExpert expert = new CartPoleExpert();
        Actor drifting = (o, r) -> expert.act(new float[] {o[0] - 3, o[1], o[2], o[3]}, r);

        float[] end = runCheckingTermination(drifting, 8);

        assertTrue(end[0] > 2.4);
        assertTrue(Math.abs(end[2]) <= TWELVE_DEGREES);
    }

    @Test
    void balancedEpisodeIsTruncatedAtFiveHundredSteps() {
        CartPoleEnvironment env = new CartPoleEnvironment();
        CartPoleExpert expert = new CartPoleExpert();
        float[] observation = env.reset(2);

        for (int step = 1; step < 500; step++) {
            StepResult result = env.step(expert.act(observation, null));
            assertFalse(result.done(), "ended at step " + step);
            observation = result.observation();
        }
        StepResult last = env.step(expert.act(observation, null));

        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertEquals(500, CartPoleEnvironment.MAX_STEPS);
    }

    @Test
    void stepAfterTheEpisodeEndedThrows() {
        CartPoleEnvironment env = new CartPoleEnvironment();
        env.reset(8);
        boolean done = false;
        while (!done) {
            done = env.step(new float[] {1}).done();
        }

        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0}));
    }

    @Test
    void stepBeforeResetThrowsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CartPoleEnvironment().step(new float[] {0}));

        assertTrue(e.getMessage().contains("call reset(seed) first"), e.getMessage());
    }

    @Test
    void actionOutsideTheSpaceIsRejected() {
        CartPoleEnvironment env = new CartPoleEnvironment();
        env.reset(1);

        assertRejected(() -> env.step(new float[] {2}), "action: expected an action index in [0, 1], found 2");
        assertRejected(() -> env.step(new float[] {0.5f}), "action: expected a whole action index, found 0.5");
        assertRejected(() -> env.step(new float[] {0, 1}), "action: expected 1 value (an action index), found 2");
    }
}
