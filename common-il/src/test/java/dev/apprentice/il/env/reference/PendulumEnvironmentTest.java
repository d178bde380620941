package dev.apprentice.il.env.reference;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.StepResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PendulumEnvironmentTest {

    /** Reward of Pendulum-v1 for angle θ (wrapped, 0 = upright), speed θ̇ and torque u. */
    private static double reward(double theta, double speed, double u) {
        return -(theta * theta + 0.1 * speed * speed + 0.001 * u * u);
    }

    /**
     * Observation after one step of Pendulum-v1: θ̈ = 3g/(2l) sin θ + 3/(ml²) u with g = 10,
     * m = l = 1, semi-implicit Euler with dt = 0.05, speed clipped to ±8.
     */
    private static double[] nextObservation(double theta, double speed, double u) {
        double newSpeed = Math.max(-8, Math.min(8, speed + (15 * Math.sin(theta) + 3 * u) * 0.05));
        double newTheta = theta + newSpeed * 0.05;
        return new double[] {Math.cos(newTheta), Math.sin(newTheta), newSpeed};
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void rewardAndNextStateFollowTheDocumentedEquations() {
        PendulumEnvironment env = new PendulumEnvironment();
        float[] start = env.reset(12);
        double theta = Math.atan2(start[1], start[0]);

        StepResult result = env.step(new float[] {1.5f});

        assertEquals(reward(theta, start[2], 1.5), result.reward(), 1e-5);
        assertArrayEquals(nextObservation(theta, start[2], 1.5), toDouble(result.observation()), 1e-5);
    }

    @Test
    void speedIsClippedAtEight() {
        // pumping energy (torque along the motion) spins the pendulum faster and faster
        PendulumEnvironment env = new PendulumEnvironment();
        float[] observation = env.reset(3);
        int clippedSteps = 0;

        for (int step = 0; step < PendulumEnvironment.MAX_STEPS; step++) {
            float u = observation[2] >= 0 ? 2f : -2f;
            double theta = Math.atan2(observation[1], observation[0]);
            StepResult result = env.step(new float[] {u});
            assertEquals(reward(theta, observation[2], u), result.reward(), 1e-5, "reward of step " + step);
            assertArrayEquals(nextObservation(theta, observation[2], u), toDouble(result.observation()), 1e-5,
                    "observation after step " + step);
            observation = result.observation();
            assertTrue(Math.abs(observation[2]) <= 8f);
            if (Math.abs(observation[2]) == 8f) {
                clippedSteps++;
            }
        }

        assertTrue(clippedSteps > 0, "the speed never reached the limit");
    }

    @Test
    void rewardIsNeverPositiveNorBelowTheWorstCase() {
        PendulumEnvironment env = new PendulumEnvironment();
        SplittableRandom rng = new SplittableRandom(1);
        double worst = -(Math.PI * Math.PI + 0.1 * 64 + 0.001 * 4);

        for (long seed = 0; seed < 5; seed++) {
            env.reset(seed);
            for (int step = 0; step < PendulumEnvironment.MAX_STEPS; step++) {
                double r = env.step(new float[] {(float) rng.nextDouble(-2, 2)}).reward();
                assertTrue(r <= 0 && r >= worst, "reward " + r);
            }
        }
    }

    @Test
    void episodeIsTruncatedAfterTwoHundredStepsAndNeverTerminates() {
        PendulumEnvironment env = new PendulumEnvironment();
        env.reset(5);

        for (int step = 1; step < 200; step++) {
            StepResult result = env.step(new float[] {0.3f});
            assertFalse(result.done(), "ended at step " + step);
        }
        StepResult last = env.step(new float[] {0.3f});

        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0}));
    }

    @Test
    void resetStartsAnywhereOnTheCircleWithSpeedBelowOne() {
        for (long seed = 0; seed < 50; seed++) {
            float[] observation = new PendulumEnvironment().reset(seed);

            assertEquals(1.0, observation[0] * observation[0] + observation[1] * observation[1], 1e-5);
            assertTrue(Math.abs(observation[2]) <= 1f);
            assertArrayEquals(observation, new PendulumEnvironment().reset(seed));
        }
    }

    @Test
    void stepBeforeResetThrowsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PendulumEnvironment().step(new float[] {0}));

        assertTrue(e.getMessage().contains("call reset(seed) first"), e.getMessage());
    }

    @Test
    void actionOutsideTheSpaceIsRejected() {
        PendulumEnvironment env = new PendulumEnvironment();
        env.reset(1);

        assertRejected(() -> env.step(new float[] {2.5f}), "action[0]: expected a value in [-2.0, 2.0], found 2.5");
        assertRejected(() -> env.step(new float[] {Float.NaN}), "action[0]: expected a number, found NaN");
        assertRejected(() -> env.step(new float[] {0, 0}), "action: expected 1 values, found 2");
    }
}
